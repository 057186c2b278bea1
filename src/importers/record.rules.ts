import { safeHttpUrl } from '../web/urls.ts';
import type { ImportedShow } from './show.record.ts';

// Imported text as the catalogue keeps it, whatever the source: titles and names on one line, without
// control characters (CR, LF, NUL and the rest of C0 and C1) or invisible format characters (bidi
// overrides, zero-width spaces, BOM); links only when they pass the link rule.

const CONTROL = /\p{Cc}/gu;
// The joiners stay: emoji sequences and several scripts need them.
const FORMAT = /(?![\u200c\u200d])\p{Cf}/gu;
const IMDB_ID = /^tt\d{7,9}$/;

/** A title or a name: controls become spaces, runs of spaces one space, format characters removed. */
export function oneLine(text: string): string {
  return text.replace(FORMAT, '').replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
}

/** A longer text (a synopsis): line breaks kept as \n, every other control a space. */
export function plainText(text: string): string {
  return text
    .replace(FORMAT, '')
    .replace(/\r\n?/g, '\n')
    .replace(/(?!\n)\p{Cc}/gu, ' ')
    .replace(/[^\S\n]+/g, ' ')
    .trim();
}

const optionalLine = (text: string | null | undefined) => (text == null ? text : oneLine(text) || null);

/** The record with its text tidied and its links checked; a title may come out empty (the caller refuses it). */
export function tidyRecord(rec: ImportedShow): ImportedShow {
  const out: ImportedShow = { ...rec, ids: { ...rec.ids }, title: oneLine(rec.title) };
  if (rec.originalTitle !== undefined) out.originalTitle = optionalLine(rec.originalTitle);
  if (rec.synopsis !== undefined) out.synopsis = rec.synopsis === null ? null : plainText(rec.synopsis) || null;
  if (rec.officialSite !== undefined) out.officialSite = safeHttpUrl(rec.officialSite);
  if (typeof out.ids.imdb === 'string' && !IMDB_ID.test(out.ids.imdb)) out.ids.imdb = null;
  if (rec.platform) {
    const name = oneLine(rec.platform.name);
    out.platform = name ? { ...rec.platform, name } : null;
  }
  if (rec.genres) out.genres = rec.genres.map(oneLine).filter(Boolean);
  if (rec.credits) {
    out.credits = rec.credits.map((c) => ({ ...c, name: oneLine(c.name), character: optionalLine(c.character) })).filter((c) => c.name);
  }
  if (rec.episodes) out.episodes = rec.episodes.map((e) => ({ ...e, title: optionalLine(e.title) ?? null }));
  return out;
}
