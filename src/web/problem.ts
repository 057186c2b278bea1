import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { errorLine, type FieldError, fieldErrors } from './fields.ts';

/** RFC 9457 problem details. */
export function problem(c: Context, status: ContentfulStatusCode, title: string, detail: string, errors?: FieldError[]) {
  const body = {
    type: `https://nextseason.invalid/problems/${slug(title)}`,
    title,
    status,
    detail,
    instance: c.req.path,
    ...(errors ? { errors } : {}),
  };
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json; charset=utf-8' });
}

export function invalidParameters(c: Context, error: z.ZodError) {
  return problem(c, 400, 'Invalid parameters', errorLine(error, '(query)'), fieldErrors(error, '(query)'));
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
