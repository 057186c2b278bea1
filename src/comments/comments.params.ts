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

export const NOTICES: Record<NonNullable<CommentQuery['comment']>, string> = {
  published: 'Your comment is published.',
  held: 'Thanks! Your comment is waiting for a moderator and will appear here once approved.',
  duplicate: 'You had already sent this comment; it is kept once.',
  reported: 'Thanks for the report. A moderator will look at that comment.',
};
export const MAIL_NOTICES = {
  sent: ' We sent you an email: follow its link to confirm reply notifications.',
  later: ' Once it is approved, we will email you a link to confirm reply notifications.',
} as const;
