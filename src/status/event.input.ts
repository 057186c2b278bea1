import { z } from 'zod';
import { parsePartialDate } from '../lang/dates.ts';
import { errorsByField, lineField, textField } from '../web/fields.ts';
import { httpUrl } from '../web/urls.ts';
import { EVENT_KINDS, TIERS } from './status.rules.ts';

// A status event as an editor or a script enters it, validated field by field.

const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

const partial = (label: string) =>
  z
    .string()
    .trim()
    .transform((text, ctx) => {
      const pd = parsePartialDate(text);
      if (!pd) {
        ctx.addIssue({ code: 'custom', message: `${label} must be a date: 2025-07-23, 2025-07, 2025-Q3 or 2025` });
        return z.NEVER;
      }
      // Year 0000 parses but is no date to PostgreSQL; nothing we track happened outside these years.
      const year = Number(pd.date.slice(0, 4));
      if (year < FIRST_YEAR || year > LAST_YEAR) {
        ctx.addIssue({ code: 'custom', message: `${label} must be between ${FIRST_YEAR} and ${LAST_YEAR}` });
        return z.NEVER;
      }
      return pd;
    });
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const eventInput = z
  .object({
    kind: z.enum(EVENT_KINDS, { message: `must be one of ${EVENT_KINDS.join(', ')}` }),
    season: optional(
      z.coerce
        .number({ message: 'must be a season number' })
        .int('must be a whole number')
        .min(0, 'must be 0 or more')
        .max(500, 'must be at most 500'),
    ),
    date: partial('the date'),
    announced: optional(partial('the announced date')),
    tier: z.enum(TIERS, { message: `must be one of ${TIERS.join(', ')}` }),
    source_url: optional(httpUrl('must be an http(s) URL')),
    outlet: optional(lineField(200)),
    quote: optional(textField(1000)),
    notes: optional(textField(2000)),
  })
  .superRefine((e, ctx) => {
    // Only a rumour may stand without a link to where it was said.
    if (!e.source_url && e.tier !== 'rumour')
      ctx.addIssue({ code: 'custom', path: ['source_url'], message: 'a source URL is needed unless the tier is rumour' });
    if ((e.kind === 'date_announced' || e.kind === 'date_changed') && !e.announced) {
      ctx.addIssue({ code: 'custom', path: ['announced'], message: 'the announced premiere date is needed for this kind' });
    }
  });

export type EventInput = z.infer<typeof eventInput>;

/** Validates raw form or CLI values: the data, or one message per field (cross-field rules included even when a field is bad). */
export function validateEvent(
  raw: Record<string, unknown>,
): { ok: true; data: EventInput } | { ok: false; errors: Record<string, string> } {
  const parsed = eventInput.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors = errorsByField(parsed.error);
  const text = (k: string) => (typeof raw[k] === 'string' ? (raw[k] as string).trim() : '');
  if (!text('source_url') && text('tier') !== 'rumour') errors.source_url ??= 'a source URL is needed unless the tier is rumour';
  return { ok: false, errors };
}
