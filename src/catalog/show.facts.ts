import type { Kysely } from 'kysely';
import { z } from 'zod';
import { audit, type User } from '../accounts/accounts.queries.ts';
import type { Database } from '../db/schema.ts';
import { refreshShowTitles } from '../importers/show.titles.ts';
import { parsePartialDate } from '../lang/dates.ts';
import { lineField, textField } from '../web/fields.ts';
import { httpUrl } from '../web/urls.ts';

// Editing a show's own facts at the desk. An edited field becomes an editor's fact: imports leave it alone.

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : typeof v === 'string' ? v.trim() : v);

export const factsInput = z.object({
  title: lineField(300).refine((s) => s !== '', 'is required'),
  original_title: z.preprocess(blankToNull, lineField(300).nullable()),
  synopsis: z.preprocess(blankToNull, textField(2000).nullable()),
  basis: z.preprocess(blankToNull, lineField(500).nullable()),
  official_site: z.preprocess(blankToNull, httpUrl('must be an http(s) URL').nullable()),
  verified_on: z.preprocess(
    blankToNull,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day: YYYY-MM-DD')
      // A real day in a year PostgreSQL can store ("2025-13-45" and "0000-01-01" are not).
      .refine((d) => parsePartialDate(d) !== null && d >= '1900' && d < '2101', 'must be a day: YYYY-MM-DD')
      .nullable(),
  ),
});

export type FactsInput = z.infer<typeof factsInput>;
export const FACT_FIELDS = Object.keys(factsInput.shape) as Array<keyof FactsInput>;

export async function updateShowFacts(db: Kysely<Database>, showId: number, input: FactsInput, by: User, now: Date): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('shows').select(FACT_FIELDS).where('id', '=', showId).executeTakeFirstOrThrow();
    const changed = FACT_FIELDS.filter((f) => (before[f] ?? null) !== (input[f] ?? null));
    if (changed.length === 0) return [];
    const patch = Object.fromEntries(changed.map((f) => [f, input[f] ?? null]));
    await trx
      .updateTable('shows')
      .set({ ...patch, updated_at: now.toISOString() })
      .where('id', '=', showId)
      .execute();
    await refreshShowTitles(trx, showId);
    await trx.deleteFrom('show_facts').where('show_id', '=', showId).where('field', 'in', changed).execute();
    await audit(
      trx,
      {
        user: by,
        action: 'show.edit',
        entity: 'show',
        entityId: showId,
        before: Object.fromEntries(changed.map((f) => [f, before[f]])),
        after: patch,
      },
      now,
    );
    return changed;
  });
}
