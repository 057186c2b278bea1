import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export interface FieldError {
  field: string;
  message: string;
}

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

/** One message per field, named as the client sent it. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(query)', message: i.message }));
}

export function invalidParameters(c: Context, error: z.ZodError) {
  const errors = fieldErrors(error);
  const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return problem(c, 400, 'Invalid parameters', detail, errors);
}

function slug(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
