import { z } from 'zod';
import { type FieldError, fieldErrors } from '../web/fields.ts';

// What a follow form or a webhook registration may say, checked field by field.

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be a slug such as "severance"');
const threshold = z.coerce
  .number({ message: 'must be a probability between 0.05 and 0.99' })
  .min(0.05, 'must be a probability between 0.05 and 0.99')
  .max(0.99, 'must be a probability between 0.05 and 0.99');

const blankAsUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);

export const followForm = z.object({
  email: z
    .string({ message: 'Your email is required' })
    .trim()
    .max(254, 'Your email must be at most 254 characters')
    .pipe(z.email('Enter an email address like name@example.com')),
  show: z.preprocess(blankAsUndefined, slug.optional()),
  platform: z.preprocess(blankAsUndefined, slug.optional()),
  threshold: z.preprocess(blankAsUndefined, threshold.optional()),
});

export const webhookFollow = z
  .object({
    url: z
      .string({ message: 'is required: the http(s) URL to POST alerts to' })
      .max(2000, 'must be at most 2000 characters')
      .regex(/^[^\s\p{Cc}]+$/u, 'must not contain spaces or control characters'),
    shows: z.array(slug).max(500, 'at most 500 shows per endpoint').optional(),
    platforms: z.array(slug).max(50, 'at most 50 platforms per endpoint').optional(),
    site: z.boolean({ message: 'must be true or false' }).optional(),
    threshold: threshold.optional(),
  })
  .strict()
  .refine((f) => f.site || (f.shows?.length ?? 0) + (f.platforms?.length ?? 0) > 0, {
    message: 'name what to follow: shows, platforms, or site: true',
    path: ['shows'],
  });

export type Checked<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

export function check<T>(schema: z.ZodType<T>, input: unknown): Checked<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}
