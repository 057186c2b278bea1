import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { cutSlug, normalizeText, SLUG_MAX_LENGTH, slugify, titleKeys } from '../lang/text.rules.ts';
import type { ImportedShow } from './show.record.ts';

// Finds the catalogue's show for an incoming record: by external id first, then by normalised title
// (any title the show is known by) with country and year as tie-breakers. Built per batch from the shows
// that batch could match, so an import's memory does not grow with the catalogue.

export interface ExternalIds {
  imdb?: string | null;
  tvmaze?: number | null;
  thetvdb?: number | null;
  netflix?: string | null;
}

export interface MatchQuery {
  ids: ExternalIds;
  title: string;
  country?: string | null;
  /** Years in which the show plausibly aired (premiere year, or a catalogue's release year). */
  years?: [number, number] | null;
}

export interface Entry {
  id: number;
  slug: string;
  country: string | null;
  years: [number, number] | null;
  ids: ExternalIds;
}

export type MatchResult = { kind: 'match'; id: number; by: string } | { kind: 'new' } | { kind: 'ambiguous'; slugs: string[] };

const ID_COLUMNS = { imdb: 'imdb_id', tvmaze: 'tvmaze_id', thetvdb: 'thetvdb_id', netflix: 'netflix_id' } as const;
const ID_KEYS = Object.keys(ID_COLUMNS) as Array<keyof typeof ID_COLUMNS>;
const CHUNK = 1000; // values per IN list, well under either engine's parameter limit
const NUMBERED = 20; // numbered slugs looked up at a time ("-2" … "-21")

/** The year a new show's slug may carry to tell it apart: its premiere's, else its first plausible year. */
export function slugYear(rec: ImportedShow): number | null {
  return rec.premiered ? Number(rec.premiered.slice(0, 4)) : (rec.years?.[0] ?? null);
}

export class ShowIndex {
  private readonly entries = new Map<number, Entry>();
  private readonly byId = new Map<string, Entry>();
  private readonly byTitle = new Map<string, Entry[]>();
  /** Slugs whose use is known: taken in the catalogue or reserved in this batch. */
  private readonly taken = new Set<string>();
  private readonly checked = new Set<string>();

  private constructor(private readonly db: Kysely<Database>) {}

  /** The shows a batch of records could match (by any of their ids or titles), and whether the slugs they would take are free. */
  static async forBatch(db: Kysely<Database>, recs: ImportedShow[]): Promise<ShowIndex> {
    const index = new ShowIndex(db);
    const ids = new Set<number>();
    const keys = [...new Set(recs.map((r) => normalizeText(r.title)))];
    for (const part of chunks(keys)) {
      for (const row of await db.selectFrom('show_title_keys').select('show_id').where('title_key', 'in', part).execute())
        ids.add(row.show_id);
    }
    for (const key of ID_KEYS) {
      const values = [...new Set(recs.flatMap((r) => (r.ids[key] == null ? [] : [r.ids[key]])))] as Array<string | number>;
      for (const part of chunks(values)) {
        const rows = await db
          .selectFrom('shows')
          .select('id')
          .where(ID_COLUMNS[key], 'in', part as never[])
          .execute();
        for (const row of rows) ids.add(row.id);
      }
    }
    for (const part of chunks([...ids])) {
      const [shows, titles] = await Promise.all([
        db
          .selectFrom('shows')
          .select(['id', 'slug', 'origin_country', 'premiered', 'ended', 'imdb_id', 'tvmaze_id', 'thetvdb_id', 'netflix_id'])
          .where('id', 'in', part)
          .execute(),
        db.selectFrom('show_title_keys').select(['show_id', 'title_key']).where('show_id', 'in', part).execute(),
      ]);
      const keysOf = new Map<number, string[]>();
      for (const t of titles) keysOf.set(t.show_id, [...(keysOf.get(t.show_id) ?? []), t.title_key]);
      for (const s of shows) {
        const entry = {
          id: s.id,
          slug: s.slug,
          country: s.origin_country,
          years: yearsOf(s.premiered, s.ended),
          ids: { imdb: s.imdb_id, tvmaze: s.tvmaze_id, thetvdb: s.thetvdb_id, netflix: s.netflix_id },
        };
        index.entries.set(entry.id, entry);
        index.addKeys(entry, keysOf.get(s.id) ?? []);
      }
    }
    await index.check(recs.flatMap((r) => slugCandidates(r.title, slugYear(r))));
    return index;
  }

  /** A show written in this batch, so later records in the batch match it. */
  add(entry: Entry, titles: Array<string | null | undefined>): void {
    this.entries.set(entry.id, entry);
    this.reserve(entry.slug);
    this.addKeys(entry, titleKeys(titles));
  }

  private addKeys(entry: Entry, keys: string[]): void {
    for (const key of ID_KEYS) {
      const value = entry.ids[key];
      if (value !== null && value !== undefined) this.byId.set(`${key}:${value}`, entry);
    }
    for (const title of keys) {
      const list = this.byTitle.get(title) ?? [];
      if (!list.includes(entry)) list.push(entry);
      this.byTitle.set(title, list);
    }
  }

  /** Records what a write learned (new ids, titles) so later records in the batch match it. */
  update(
    id: number,
    patch: { ids?: ExternalIds; titles?: Array<string | null | undefined>; country?: string | null; years?: [number, number] | null },
  ): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    Object.assign(entry.ids, Object.fromEntries(Object.entries(patch.ids ?? {}).filter(([, v]) => v !== null && v !== undefined)));
    if (patch.country && !entry.country) entry.country = patch.country;
    if (patch.years && !entry.years) entry.years = patch.years;
    this.addKeys(entry, titleKeys(patch.titles ?? []));
  }

  match(q: MatchQuery): MatchResult {
    for (const key of ID_KEYS) {
      const value = q.ids[key];
      if (value === null || value === undefined) continue;
      const hit = this.byId.get(`${key}:${value}`);
      if (hit) return { kind: 'match', id: hit.id, by: key };
    }
    const candidates = (this.byTitle.get(normalizeText(q.title)) ?? []).filter((e) => {
      // A candidate whose own id of the same kind differs is a different show.
      if (ID_KEYS.some((k) => q.ids[k] != null && e.ids[k] != null && q.ids[k] !== e.ids[k])) return false;
      if (q.country && e.country && q.country !== e.country) return false;
      if (q.years && e.years && (q.years[1] < e.years[0] - 1 || q.years[0] > e.years[1] + 1)) return false;
      return true;
    });
    if (candidates.length === 1) return { kind: 'match', id: (candidates[0] as Entry).id, by: 'title' };
    if (candidates.length > 1) return { kind: 'ambiguous', slugs: candidates.map((c) => c.slug) };
    return { kind: 'new' };
  }

  /** Holds a slug for a show about to be written. */
  reserve(slug: string): void {
    this.taken.add(slug);
    this.checked.add(slug);
  }

  /** A slug no show has or had: the title's, then with the year, then numbered. */
  async freeSlug(title: string, year: number | null): Promise<string> {
    let candidates = slugCandidates(title, year);
    const base = candidates[0] as string;
    for (let n = 2; ; n += NUMBERED) {
      await this.check(candidates);
      const free = candidates.find((c) => !this.taken.has(c));
      if (free) return free;
      // "-2" … "-21", then "-22" … "-41": always after the title's own slug, never after a numbered one.
      candidates = Array.from({ length: NUMBERED }, (_, k) => `${cutSlug(base, SLUG_MAX_LENGTH - 1 - String(n + k).length)}-${n + k}`);
    }
  }

  /** Learns which of these slugs the catalogue already has, or once had: a retired slug still leads to its show. */
  private async check(slugs: string[]): Promise<void> {
    const unknown = [...new Set(slugs)].filter((s) => !this.checked.has(s));
    for (const part of chunks(unknown)) {
      for (const row of await this.db.selectFrom('shows').select('slug').where('slug', 'in', part).execute()) this.taken.add(row.slug);
      for (const row of await this.db.selectFrom('show_slug_history').select('slug').where('slug', 'in', part).execute())
        this.taken.add(row.slug);
    }
    for (const s of unknown) this.checked.add(s);
  }
}

/** The title's slug, then with the year; each short enough for a URL (a longer one is cut at a hyphen). */
function slugCandidates(title: string, year: number | null): string[] {
  const base = slugify(title);
  return year ? [cutSlug(base, SLUG_MAX_LENGTH), `${cutSlug(base, SLUG_MAX_LENGTH - 5)}-${year}`] : [cutSlug(base, SLUG_MAX_LENGTH)];
}

function chunks<T>(values: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(values.slice(i, i + CHUNK));
  return out;
}

export function yearsOf(premiered: string | null | undefined, ended: string | null | undefined): [number, number] | null {
  if (!premiered) return null;
  const from = Number(premiered.slice(0, 4));
  return [from, ended ? Number(ended.slice(0, 4)) : from + 40];
}
