import { z } from 'zod';
import { parsePartialDate } from '../../lang/dates.ts';
import { EVENT_KINDS, TIERS } from '../../status/status.rules.ts';
import { httpUrl } from '../../web/urls.ts';

// The starter catalogue's file format: one JSON file per show, dates at their precision ('2021-06', '2021-Q3').

const partialDate = z.string().transform((text, ctx) => {
  const pd = parsePartialDate(text);
  if (!pd) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date (YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY)` });
    return z.NEVER;
  }
  return pd;
});
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const url = httpUrl();

export const SHOW_TYPES = ['scripted', 'animation', 'reality', 'documentary', 'talk', 'variety'] as const;
export const CREDIT_ROLES = [
  'creator',
  'showrunner',
  'writer',
  'director',
  'cinematographer',
  'composer',
  'producer',
  'cast',
  'based_on',
] as const;
export const RELEASE_STYLES = ['all_at_once', 'weekly', 'in_parts'] as const;

export const platformSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  kind: z.enum(['streaming', 'broadcast', 'cable']),
  country: z.string().length(2).nullable(),
});

const sourceRef = url.nullish();

export const starterShowSchema = z.strictObject({
  slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by "-"'),
  title: z.string().min(1),
  originalTitle: z.string().min(1).nullish(),
  aliases: z.array(z.string().min(1)).default([]),
  type: z.enum(SHOW_TYPES),
  country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 code'),
  language: z.string().regex(/^[a-z]{2}$/, 'ISO 639-1 code'),
  platform: z.string(),
  genres: z.array(z.string().min(1)).min(1),
  premiered: partialDate.nullish(),
  ended: partialDate.nullish(),
  synopsis: z.string().min(1).nullish(),
  basis: z.string().min(1).nullish(),
  officialSite: url.nullish(),
  ids: z
    .strictObject({
      imdb: z
        .string()
        .regex(/^tt\d{7,9}$/)
        .optional(),
      tvmaze: z.number().int().positive().optional(),
      thetvdb: z.number().int().positive().optional(),
      netflix: z.string().regex(/^\d+$/).optional(),
      netflixShowId: z
        .string()
        .regex(/^s\d+$/)
        .optional(),
    })
    .default({}),
  verified: day,
  sources: z.array(
    z.strictObject({
      url: url.nullable(),
      outlet: z.string().min(1),
      title: z.string().min(1).nullish(),
      published: day.nullish(),
    }),
  ),
  seasons: z
    .array(
      z.strictObject({
        number: z.number().int().min(0),
        premiere: partialDate.nullish(),
        finale: partialDate.nullish(),
        episodes: z.number().int().min(0).nullish(),
        release: z.enum(RELEASE_STYLES).nullish(),
        source: sourceRef,
      }),
    )
    .min(1),
  credits: z
    .array(
      z.strictObject({
        role: z.enum(CREDIT_ROLES),
        name: z.string().min(1),
        character: z.string().min(1).nullish(),
        source: sourceRef,
      }),
    )
    .default([]),
  ratings: z
    .array(
      z.strictObject({
        source: z.enum(['imdb', 'tvmaze']),
        value: z.number().min(0).max(10),
        votes: z.number().int().min(0).nullish(),
        season: z.number().int().min(0).nullish(),
        asOf: partialDate,
        cite: sourceRef,
      }),
    )
    .default([]),
  events: z
    .array(
      z.strictObject({
        kind: z.enum(EVENT_KINDS),
        season: z.number().int().min(0).nullish(),
        date: partialDate,
        announced: partialDate.nullish(),
        tier: z.enum(TIERS),
        source: sourceRef,
        quote: z.string().min(1).nullish(),
        notes: z.string().min(1).nullish(),
      }),
    )
    .default([]),
});

export type StarterShow = z.infer<typeof starterShowSchema>;
export type StarterPlatform = z.infer<typeof platformSchema>;
