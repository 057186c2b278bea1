import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../../db/testing.ts';
import { importStarterCatalogue } from './starter.import.ts';
import { DataFileError, loadStarterCatalogue, STARTER_DIR } from './starter.load.ts';

const catalogue = loadStarterCatalogue();

it('the committed starter catalogue is valid and big enough to be useful', () => {
  expect(catalogue.shows.length).toBeGreaterThanOrEqual(40);
  const platforms = new Set(catalogue.shows.map((s) => s.platform));
  expect(platforms.size).toBeGreaterThanOrEqual(5);
  expect(new Set(catalogue.shows.map((s) => s.country)).size).toBeGreaterThanOrEqual(5);
  for (const show of catalogue.shows)
    for (const season of show.seasons) expect(season.premiere, `${show.slug} season ${season.number}`).toBeTruthy();
  const kinds = new Set(catalogue.shows.flatMap((s) => s.events.map((e) => e.kind)));
  for (const kind of ['renewed', 'cancelled', 'ended', 'limited']) expect(kinds).toContain(kind);
});

it('has the facts of Somos.', () => {
  const somos = catalogue.shows.find((s) => s.slug === 'somos');
  expect(somos).toMatchObject({ title: 'Somos.', platform: 'netflix', country: 'MX', language: 'es' });
  expect(somos?.seasons).toEqual([expect.objectContaining({ number: 1, episodes: 6, premiere: { date: '2021-06-30', precision: 'day' } })]);
  const people = somos?.credits.map((c) => `${c.role}:${c.name}`);
  expect(people).toEqual(
    expect.arrayContaining([
      'creator:James Schamus',
      'based_on:Ginger Thompson',
      'director:Álvaro Curiel',
      'director:Mariana Chenillo',
      'cinematographer:Ignacio Prieto',
    ]),
  );
  expect(somos?.ratings).toEqual([
    expect.objectContaining({ source: 'imdb', value: 7.2, asOf: { date: '2021-01-01', precision: 'year' } }),
  ]);
});

it('reports every bad field with its file and path, and loads nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'starter-'));
  fs.mkdirSync(path.join(dir, 'shows'));
  fs.copyFileSync(path.join(STARTER_DIR, 'platforms.json'), path.join(dir, 'platforms.json'));
  const somos = JSON.parse(fs.readFileSync(path.join(STARTER_DIR, 'shows', 'somos.json'), 'utf8'));
  fs.writeFileSync(
    path.join(dir, 'shows', 'somos.json'),
    JSON.stringify({ ...somos, seasons: [{ ...somos.seasons[0], premiere: '2021-02-30' }] }),
  );
  const credits = [{ ...somos.credits[0], source: 'https://example.org/not-listed' }];
  fs.writeFileSync(path.join(dir, 'shows', 'other.json'), JSON.stringify({ ...somos, slug: 'other', platform: 'nowhere-tv', credits }));
  fs.writeFileSync(path.join(dir, 'shows', 'broken.json'), '{ "slug": ');
  let error: unknown;
  try {
    loadStarterCatalogue(dir);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(DataFileError);
  const message = (error as Error).message;
  expect(message).toMatch(/somos\.json: seasons\[0\]\.premiere: "2021-02-30" is not a date/);
  expect(message).toMatch(/other\.json: credits\[0\]\.source: source https:\/\/example\.org\/not-listed is not in "sources"/);
  expect(message).toMatch(/other\.json: platform: unknown platform "nowhere-tv"/);
  expect(message).toMatch(/broken\.json: .*JSON/);
});

describeEachEngine('starter catalogue import', (db) => {
  it('loads every show, then reports a second run as unchanged', async () => {
    const first = await importStarterCatalogue(db(), catalogue, TEST_NOW);
    expect(first.counts.get('shows')?.inserted).toBe(catalogue.shows.length);
    const seasons = catalogue.shows.reduce((n, s) => n + s.seasons.length, 0);
    expect(first.counts.get('seasons')?.inserted).toBe(seasons);

    const second = await importStarterCatalogue(db(), catalogue, new Date(TEST_NOW.getTime() + 86_400_000));
    expect(second.total('inserted')).toBe(0);
    expect(second.total('updated')).toBe(0);
    const { n } = await db()
      .kysely.selectFrom('seasons')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(seasons);
    const somos = await db()
      .kysely.selectFrom('shows')
      .select(['updated_at', 'derived_status'])
      .where('slug', '=', 'somos')
      .executeTakeFirstOrThrow();
    expect(somos).toEqual({ updated_at: TEST_NOW.toISOString(), derived_status: 'dormant' });
  });

  it('updates a changed fact and nothing else', async () => {
    const edited = structuredClone(catalogue);
    const somos = edited.shows.find((s) => s.slug === 'somos')!;
    somos.synopsis = 'A changed synopsis.';
    const later = new Date('2026-12-01T00:00:00Z');
    const tally = await importStarterCatalogue(db(), edited, later);
    expect(tally.counts.get('shows')).toEqual({ inserted: 0, updated: 1, unchanged: catalogue.shows.length - 1 });
    expect(tally.total('inserted')).toBe(0);
    const row = await db()
      .kysely.selectFrom('shows')
      .select(['synopsis', 'updated_at'])
      .where('slug', '=', 'somos')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ synopsis: 'A changed synopsis.', updated_at: later.toISOString() });
  });

  it('writes nothing when a show fails half way (one transaction)', async () => {
    const broken = structuredClone(catalogue);
    broken.shows = [
      {
        ...broken.shows[0]!,
        slug: 'half-written',
        seasons: [{ number: 1, premiere: null, finale: null, episodes: -1, release: null, source: null }],
      },
    ];
    await expect(importStarterCatalogue(db(), broken, TEST_NOW)).rejects.toThrow();
    const row = await db().kysely.selectFrom('shows').select('id').where('slug', '=', 'half-written').executeTakeFirst();
    expect(row).toBeUndefined();
  });
});
