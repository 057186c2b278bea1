import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { normalizeText, slugify } from '../lang/text.rules.ts';

// Finds the catalogue's show for an incoming record: by external id first, then by normalised title
// (any title the show is known by) with country and year as tie-breakers. Kept in memory for a run.

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

const ID_KEYS = ['imdb', 'tvmaze', 'thetvdb', 'netflix'] as const;

export class ShowIndex {
  private readonly entries = new Map<number, Entry>();
  private readonly byId = new Map<string, Entry>();
  private readonly byTitle = new Map<string, Entry[]>();
  private readonly slugs = new Set<string>();

  static async load(db: Kysely<Database>): Promise<ShowIndex> {
    const index = new ShowIndex();
    const [shows, aliases] = await Promise.all([
      db
        .selectFrom('shows')
        .select([
          'id',
          'slug',
          'title',
          'original_title',
          'origin_country',
          'premiered',
          'ended',
          'imdb_id',
          'tvmaze_id',
          'thetvdb_id',
          'netflix_id',
        ])
        .execute(),
      db.selectFrom('show_aliases').select(['show_id', 'alias']).execute(),
    ]);
    const names = new Map<number, string[]>();
    for (const a of aliases) names.set(a.show_id, [...(names.get(a.show_id) ?? []), a.alias]);
    for (const s of shows) {
      index.add(
        {
          id: s.id,
          slug: s.slug,
          country: s.origin_country,
          years: yearsOf(s.premiered, s.ended),
          ids: { imdb: s.imdb_id, tvmaze: s.tvmaze_id, thetvdb: s.thetvdb_id, netflix: s.netflix_id },
        },
        [s.title, s.original_title, ...(names.get(s.id) ?? [])],
      );
    }
    return index;
  }

  add(entry: Entry, titles: Array<string | null | undefined>): void {
    this.entries.set(entry.id, entry);
    this.slugs.add(entry.slug);
    for (const key of ID_KEYS) {
      const value = entry.ids[key];
      if (value !== null && value !== undefined) this.byId.set(`${key}:${value}`, entry);
    }
    for (const title of new Set(titles.filter(Boolean).map((t) => normalizeText(t as string)))) {
      const list = this.byTitle.get(title) ?? [];
      if (!list.includes(entry)) list.push(entry);
      this.byTitle.set(title, list);
    }
  }

  /** Records what a write learned (new ids, titles) so later records in the run match it. */
  update(
    id: number,
    patch: { ids?: ExternalIds; titles?: Array<string | null | undefined>; country?: string | null; years?: [number, number] | null },
  ): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    Object.assign(entry.ids, Object.fromEntries(Object.entries(patch.ids ?? {}).filter(([, v]) => v !== null && v !== undefined)));
    if (patch.country && !entry.country) entry.country = patch.country;
    if (patch.years && !entry.years) entry.years = patch.years;
    this.add(entry, patch.titles ?? []);
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
    this.slugs.add(slug);
  }

  /** A slug no show has: the title's, then with the year, then numbered. */
  freeSlug(title: string, year: number | null): string {
    const base = slugify(title);
    for (const candidate of [base, year ? `${base}-${year}` : null]) if (candidate && !this.slugs.has(candidate)) return candidate;
    for (let n = 2; ; n++) if (!this.slugs.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}

export function yearsOf(premiered: string | null | undefined, ended: string | null | undefined): [number, number] | null {
  if (!premiered) return null;
  const from = Number(premiered.slice(0, 4));
  return [from, ended ? Number(ended.slice(0, 4)) : from + 40];
}
