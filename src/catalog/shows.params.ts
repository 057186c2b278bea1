import { z } from 'zod';
import { SLUG_MAX_LENGTH } from '../lang/text.rules.ts';
import { lineField } from '../web/fields.ts';

// Query and path parameters of the catalogue's pages and API, with the message a client sees.

export const STATUSES = ['renewed', 'cancelled', 'ended', 'limited', 'undecided', 'dormant', 'upcoming'] as const;
export const MAX_LIMIT = 100;
export const MAX_PAGE = 10_000;

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

export const slugParam = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug such as "somos"')
  .max(SLUG_MAX_LENGTH);

export const platformParam = z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be a platform slug such as "netflix"');

/** Kinds of show, as the importers name them; news and talk are the daily ones. */
export const SHOW_KINDS = [
  'scripted',
  'animation',
  'documentary',
  'reality',
  'game',
  'variety',
  'sports',
  'awards',
  'panel',
  'talk',
  'news',
] as const;

const countryParam = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as "MX"')
  .transform((s) => s.toUpperCase());

// Years PostgreSQL's dates hold and a premiere could fall in ("0000-01" is no month to it).
const MONTH = /^(19|20)\d\d-(0[1-9]|1[0-2])$/;

export const calendarQuery = z.object({
  month: z.string().regex(MONTH, 'must be YYYY-MM, from 1900-01 to 2099-12').optional(),
  day: z
    .string()
    .regex(/^(19|20)\d\d-\d\d-\d\d$/, 'must be YYYY-MM-DD')
    .refine((d) => new Date(Date.parse(`${d}T00:00:00Z`) || 0).toISOString().startsWith(d), 'must be a day of the calendar')
    .optional(),
  platform: platformParam.optional(),
  country: countryParam.optional(),
  kind: z.enum([...SHOW_KINDS, 'all'], { message: `must be one of ${SHOW_KINDS.join(', ')} or all` }).optional(),
});

export const listQuery = z.object({
  q: lineField(200).optional(),
  platform: platformParam.optional(),
  status: z.enum(STATUSES, { message: `must be one of ${STATUSES.join(', ')}` }).optional(),
  country: countryParam.optional(),
  genre: z
    .string()
    .trim()
    .regex(/^[A-Za-z][A-Za-z -]{0,39}$/, 'must be a genre such as "Drama"')
    .optional(),
  year: wholeNumber(1900, 2100).optional(),
  page: wholeNumber(1, MAX_PAGE).default(1),
  limit: wholeNumber(1, MAX_LIMIT).default(20),
});

export const searchQuery = z.object({
  q: lineField(200).default(''),
  page: wholeNumber(1, MAX_PAGE).default(1),
});

/** Query parameters as zod expects them: the first value of each. */
export function queryObject(url: string): Record<string, string> {
  const params = new URL(url).searchParams;
  const out: Record<string, string> = {};
  for (const [key, value] of params) if (!(key in out)) out[key] = value;
  return out;
}

/** A form's query without the fields left empty ("any"). */
export function nonEmpty(query: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== ''));
}
