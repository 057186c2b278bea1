import type { Kysely } from 'kysely';
import { commentQuery } from '../comments/comments.params.ts';
import { commentCounts, loadThread, publishedComment } from '../comments/comments.queries.ts';
import type { Database } from '../db/schema.ts';
import { langOfPath, t } from '../lang/i18n.ts';
import { idParam } from '../web/fields.ts';
import type { CommentFormState, CommentsProps } from './comments.pages.tsx';

/** Everything the comment section of a show page needs, from the page's query string. */
export async function commentSection(
  db: Kysely<Database>,
  show: { id: number; slug: string; title: string },
  seasonNumbers: number[],
  url: string,
  opts: { form?: CommentFormState; token: string; mailEnabled: boolean },
): Promise<CommentsProps> {
  const { pathname, searchParams } = new URL(url);
  const q = commentQuery.parse(Object.fromEntries(searchParams));
  const filter = { season: q.season ?? null, order: q.order, page: q.cpage };
  // A reply sent back to its writer (a field to fix, a token to add) stays a reply to the same comment.
  const replyId = q.reply ?? idParam(opts.form?.values.parent);
  const [thread, counts, replyTo] = await Promise.all([
    loadThread(db, show.id, filter),
    commentCounts(db, show.id),
    replyId ? publishedComment(db, replyId) : null,
  ]);
  const seasons = [...new Set(seasonNumbers)].filter((n) => n > 0).sort((a, b) => a - b);
  return {
    slug: show.slug,
    title: show.title,
    thread,
    counts,
    total: counts.reduce((sum, c) => sum + c.n, 0),
    seasons,
    filter,
    notice: q.comment ? t(langOfPath(pathname), 'comments.notice', { notice: q.comment, mail: q.mail ?? 'none' }) : null,
    replyTo,
    form: opts.form ?? { values: {}, errors: {} },
    token: opts.token,
    mailEnabled: opts.mailEnabled,
  };
}
