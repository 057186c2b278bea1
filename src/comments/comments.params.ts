import { z } from 'zod';

// Query parameters of a show page's comment section and of the comments API.

const whole = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number);

export const commentQuery = z.object({
  season: whole.pipe(z.number().int().min(1)).optional().catch(undefined),
  order: z.enum(['oldest', 'newest']).default('oldest').catch('oldest'),
  cpage: whole.pipe(z.number().int().min(1).max(10_000)).default(1).catch(1),
  reply: whole.optional().catch(undefined),
  comment: z.enum(['published', 'held', 'duplicate', 'reported']).optional().catch(undefined),
  mail: z.enum(['sent', 'later']).optional().catch(undefined),
});
export type CommentQuery = z.infer<typeof commentQuery>;

/** The comments API's parameters: a page forgives a bad value, the API names it (400). */
export const commentApiQuery = z.object({
  season: z
    .string()
    .regex(/^\d{1,6}$/, 'must be a season number')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be a season number'))
    .optional(),
  order: z.enum(['oldest', 'newest'], { message: 'must be oldest or newest' }).default('oldest'),
  cpage: z
    .string()
    .regex(/^\d{1,6}$/, 'must be a page number from 1')
    .transform(Number)
    .pipe(z.number().int().min(1, 'must be a page number from 1').max(10_000, 'must be at most 10000'))
    .default(1),
});

export const NOTICES: Record<NonNullable<CommentQuery['comment']>, string> = {
  published: 'Your comment is published.',
  held: 'Thanks! Your comment is waiting for a moderator and will appear here once approved.',
  duplicate: 'You had already sent this comment; it is kept once.',
  reported: 'Thanks for the report. A moderator will look at that comment.',
};
