import { expect, it } from 'vitest';
import { createUser } from '../accounts/accounts.queries.ts';
import type { Db } from '../db/database.ts';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { runImport } from '../importers/import.run.ts';
import type { ImportedShow } from '../importers/show.record.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { SLUG_MAX_LENGTH } from '../lang/text.rules.ts';
import { slugBeforeScripts } from '../testing/slugs.before.ts';
import { updateShowFacts } from './show.facts.ts';
import { slugParam } from './shows.params.ts';
import { movedPersonSlug, movedShowSlug, pastShowSlugs } from './slugs.queries.ts';
import { fixFallbackSlugs, renameShowSlug, SlugError } from './slugs.writes.ts';

type Record = Partial<ImportedShow> & { tvmaze: number; title: string };

async function importShows(db: Db, records: Record[], input = 'test') {
  async function* items() {
    for (const { tvmaze, ...r } of records) yield { record: { location: `${input}:${tvmaze}`, ids: { tvmaze }, ...r } };
  }
  return runImport({ db, origin: 'tvmaze', input, items: items(), now: TEST_NOW });
}

const slugOf = async (db: Db, tvmaze: number) =>
  (await db.kysely.selectFrom('shows').select('slug').where('tvmaze_id', '=', tvmaze).executeTakeFirstOrThrow()).slug;
const countShows = async (db: Db) =>
  Number(
    (
      await db.kysely
        .selectFrom('shows')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachEngine('slugs: spelt out in every script, and stable once given', (db) => {
  it('gives a new show from any script a readable slug, and same-slug titles the year, then a number', async () => {
    await importShows(db(), [
      { tvmaze: 9101, title: '오징어 게임', premiered: '2021-09-17', credits: [{ role: 'director', name: '황동혁' }] },
      { tvmaze: 9102, title: 'Твин Пикс', premiered: '1990-04-08' },
      { tvmaze: 9103, title: '進撃の巨人', premiered: '2013-04-07' },
      { tvmaze: 9104, title: 'مسلسل الاختيار', premiered: '2020-04-24' },
      { tvmaze: 9105, title: '三体', premiered: '2023-01-15' },
      { tvmaze: 9106, title: 'Η Γη της Ελιάς', premiered: '2023-10-02' },
      // Four different shows (their own TVmaze ids) whose titles all spell "kingdeom".
      { tvmaze: 9111, title: '킹덤', premiered: '2019-01-25' },
      { tvmaze: 9112, title: '킹덤', premiered: '2019-06-01' },
      { tvmaze: 9113, title: 'Kingdeom', premiered: '2019-03-01' },
      { tvmaze: 9114, title: '킹덤', premiered: null },
    ]);
    expect(await slugOf(db(), 9101)).toBe('ojingeo-geim');
    expect(await slugOf(db(), 9102)).toBe('tvin-piks');
    expect(await slugOf(db(), 9103)).toBe('jinjinojuren');
    expect(await slugOf(db(), 9104)).toBe('mslsl-lkhtyr');
    expect(await slugOf(db(), 9105)).toBe('santi');
    expect(await slugOf(db(), 9106)).toBe('i-gi-tis-elias');
    expect([await slugOf(db(), 9111), await slugOf(db(), 9112), await slugOf(db(), 9113), await slugOf(db(), 9114)]).toEqual([
      'kingdeom',
      'kingdeom-2', // a title repeated in a batch is written after the batch's new titles
      'kingdeom-2019',
      'kingdeom-3',
    ]);
    const person = await db().kysely.selectFrom('people').select(['slug', 'name']).where('name', '=', '황동혁').executeTakeFirstOrThrow();
    expect(person.slug).toBe('hwangdonghyeog');
  });

  it('numbers after the title, never after a number, however many shows share it', async () => {
    const records = Array.from({ length: 25 }, (_, i) => ({ tvmaze: 9200 + i, title: '시그널' }));
    await importShows(db(), records);
    const slugs = await Promise.all(records.map((r) => slugOf(db(), r.tvmaze)));
    expect(slugs).toEqual(['sigeuneol', ...Array.from({ length: 24 }, (_, i) => `sigeuneol-${i + 2}`)]);
  });

  it('keeps a slug that spells out a long title short enough for a URL', async () => {
    const title = '転生したらスライムだった件 '.repeat(8);
    await importShows(db(), [
      { tvmaze: 9301, title, premiered: '2018-10-02' },
      { tvmaze: 9302, title, premiered: '2018-10-02' },
      { tvmaze: 9303, title, premiered: '2018-10-02' },
    ]);
    for (const id of [9301, 9302, 9303]) {
      const slug = await slugOf(db(), id);
      expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
      expect(slugParam.safeParse(slug).success).toBe(true);
    }
    expect(await slugOf(db(), 9302)).toMatch(/-2018$/);
    expect(await slugOf(db(), 9303)).toMatch(/-2$/);
  });

  it('never changes a slug on re-import or a title edit; only a rename does, and it keeps the old one', async () => {
    await importShows(db(), [{ tvmaze: 9401, title: '더 글로리', premiered: '2022-12-30' }]);
    expect(await slugOf(db(), 9401)).toBe('deo-geulloli');
    const shows = await countShows(db());

    // A title edited at the desk, and a re-import under another title: same show, same slug.
    const editor = await createUser(db().kysely, { email: 'slugs@example.org', name: 'Ed', role: 'editor', passwordHash: 'x' }, TEST_NOW);
    const row = await db().kysely.selectFrom('shows').selectAll().where('tvmaze_id', '=', 9401).executeTakeFirstOrThrow();
    await updateShowFacts(db().kysely, row.id, { ...row, title: 'The Glory' }, editor, TEST_NOW);
    await importShows(db(), [{ tvmaze: 9401, title: 'The Glory (더 글로리)', premiered: '2022-12-30' }]);
    expect(await slugOf(db(), 9401)).toBe('deo-geulloli');

    const renamed = await renameShowSlug(db().kysely, { from: 'deo-geulloli', to: 'the-glory', now: TEST_NOW });
    expect(renamed).toMatchObject({ from: 'deo-geulloli', to: 'the-glory', changed: true });
    expect(await slugOf(db(), 9401)).toBe('the-glory');
    expect(await movedShowSlug(db().kysely, 'deo-geulloli')).toBe('the-glory');
    const history = await db().kysely.selectFrom('show_slug_history').selectAll().where('show_id', '=', row.id).executeTakeFirstOrThrow();
    expect(history).toMatchObject({ slug: 'deo-geulloli', show_id: row.id });
    expect(new Date(history.retired_at).toISOString()).toBe(TEST_NOW.toISOString());
    const logged = await db().kysely.selectFrom('audit_log').selectAll().where('action', '=', 'show.rename-slug').executeTakeFirstOrThrow();
    expect([logged.actor, JSON.parse(logged.before as string), JSON.parse(logged.after as string)]).toEqual([
      'cli',
      { slug: 'deo-geulloli' },
      { slug: 'the-glory' },
    ]);

    // Asked again (a retry), nothing changes; a re-import keeps the new slug.
    expect(await renameShowSlug(db().kysely, { from: 'deo-geulloli', to: 'the-glory', now: TEST_NOW })).toMatchObject({ changed: false });
    await importShows(db(), [{ tvmaze: 9401, title: '더 글로리', premiered: '2022-12-30' }]);
    expect(await slugOf(db(), 9401)).toBe('the-glory');
    expect(await countShows(db())).toBe(shows);

    // The old slug is never given to another show: a new "더 글로리" gets the year.
    await importShows(db(), [{ tvmaze: 9402, title: '더 글로리', premiered: '2030-01-01' }]);
    expect(await slugOf(db(), 9402)).toBe('deo-geulloli-2030');

    // Given back its first slug, the show takes it out of its history and keeps the one it leaves.
    await renameShowSlug(db().kysely, { from: 'the-glory', to: 'deo-geulloli', now: TEST_NOW });
    expect(await slugOf(db(), 9401)).toBe('deo-geulloli');
    expect(await pastShowSlugs(db().kysely, row.id)).toEqual(['the-glory']);
    expect(await movedShowSlug(db().kysely, 'deo-geulloli')).toBeNull();
  });

  it('refuses a rename with a message naming the argument at fault', async () => {
    await importShows(db(), [
      { tvmaze: 9501, title: 'Сваты', premiered: '2008-12-29' },
      { tvmaze: 9502, title: 'Кухня', premiered: '2012-11-19' },
    ]);
    await renameShowSlug(db().kysely, { from: 'kukhnya', to: 'kitchen-ru', now: TEST_NOW });
    const refused = async (from: string, to: string) => {
      const error = await renameShowSlug(db().kysely, { from, to, now: TEST_NOW }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SlugError);
      return [(error as SlugError).field, (error as SlugError).message];
    };
    expect(await refused('svaty', 'Svaty 2008')).toEqual([
      'new',
      '"Svaty 2008" is not a slug: use lower-case letters a-z, digits and single hyphens, at most 120 characters',
    ]);
    expect(await refused('svaty', 'a'.repeat(121))).toEqual(['new', expect.stringContaining('at most 120 characters')]);
    expect(await refused('no-such-show', 'anything')).toEqual(['old', 'no show has the slug "no-such-show"']);
    expect(await refused('svaty', 'kitchen-ru')).toEqual(['new', '"kitchen-ru" is the slug of Кухня']);
    expect(await refused('svaty', 'kukhnya')).toEqual(['new', '"kukhnya" was a slug of Кухня and still leads there (now "kitchen-ru")']);
    expect(await refused('kukhnya', 'kitchen')).toEqual(['old', '"kukhnya" is a past slug of Кухня, now "kitchen-ru"']);
    expect(await slugOf(db(), 9501)).toBe('svaty');
    expect(await slugOf(db(), 9502)).toBe('kitchen-ru');
  });

  it('re-slugs the fallback slugs of before, once, keeping every old one; "X" keeps its own', async () => {
    const stamp = TEST_NOW.toISOString();
    const base = { type: 'scripted', derived_status: 'undecided', search_text: '', created_at: stamp, updated_at: stamp };
    const ids = [] as number[];
    for (const [slug, title, premiered] of [
      ['x', 'Нежность', '2020-01-01'],
      ['x-2', 'Успешный', null],
      ['x-2-22', 'Редакция', '2021-05-01'],
      ['x-2014', 'X', '2014-03-01'], // the title's own slug, with its year
      ['x-14', 'X 14', null],
      ['x-2015', 'ТОП', '2015-01-01'],
    ] as const) {
      const row = await db()
        .kysely.insertInto('shows')
        .values({ ...base, slug, title, premiered })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(row.id);
    }
    // "top" is taken already: the re-slugged show gets its year.
    await db()
      .kysely.insertInto('shows')
      .values({ ...base, slug: 'top', title: 'Top' })
      .execute();
    for (const [slug, name] of [
      ['x', '이정재'],
      ['lee', 'Lee 정재'],
      ['sren-malling', 'Søren Malling'],
      ['kim-eun-hee', 'Kim Eun-hee'],
    ] as const)
      await db().kysely.insertInto('people').values({ slug, name, imdb_id: null, tvmaze_id: null }).execute();
    // A name that spells a slug another person has is left alone.
    await db().kysely.insertInto('people').values({ slug: 'x-other', name: 'Ким', imdb_id: null, tvmaze_id: null }).execute();
    await db().kysely.insertInto('people').values({ slug: 'kim', name: 'Kim', imdb_id: null, tvmaze_id: null }).execute();

    const planned = await fixFallbackSlugs(db().kysely, { now: TEST_NOW, apply: false });
    expect(await movedShowSlug(db().kysely, 'x')).toBeNull();
    expect(
      (
        await db()
          .kysely.selectFrom('shows')
          .select('slug')
          .where('id', '=', ids[0] as number)
          .executeTakeFirstOrThrow()
      ).slug,
    ).toBe('x');

    const fixed = await fixFallbackSlugs(db().kysely, { now: TEST_NOW });
    expect(fixed).toEqual(planned);
    expect(fixed.shows.map((c) => [c.from, c.to])).toEqual([
      ['x', 'nezhnost'],
      ['x-2', 'uspeshnyy'],
      ['x-2-22', 'redaktsiya'],
      ['x-2015', 'top-2015'],
    ]);
    expect(fixed.people.map((c) => [c.from, c.to])).toEqual([
      ['x', 'ijeongjae'],
      ['lee', 'lee-jeongjae'],
    ]);
    expect(fixed.skipped.map((c) => [c.from, c.to])).toEqual([['x-other', 'kim']]);
    for (const c of fixed.shows) expect(await movedShowSlug(db().kysely, c.from)).toBe(c.to);
    expect(await movedPersonSlug(db().kysely, 'x')).toBe('ijeongjae');
    expect(await movedPersonSlug(db().kysely, 'lee')).toBe('lee-jeongjae');
    const kept = await db().kysely.selectFrom('shows').select('slug').where('title', 'in', ['X', 'X 14']).orderBy('slug').execute();
    expect(kept.map((r) => r.slug)).toEqual(['x-14', 'x-2014']);

    expect(await fixFallbackSlugs(db().kysely, { now: TEST_NOW })).toEqual({ shows: [], people: [], skipped: fixed.skipped });
    // An import now finds the re-slugged person under the slug their name gives.
    await importShows(db(), [{ tvmaze: 9601, title: '오징어 게임 2', credits: [{ role: 'cast', name: '이정재' }] }]);
    const people = await db().kysely.selectFrom('people').select('slug').where('name', '=', '이정재').execute();
    expect(people.map((p) => p.slug)).toEqual(['ijeongjae']);
  });

  it('keeps a platform under the slug it was first given, and tells apart platforms the old rule merged', async () => {
    // Before: "VK Видео" became "vk"; "Иви" and "Смотрим" both became "x", the first one's name kept.
    await db()
      .kysely.insertInto('platforms')
      .values([
        { slug: 'vk', name: 'VK Видео', kind: 'streaming', country: 'RU' },
        { slug: 'x', name: 'Иви', kind: 'streaming', country: 'RU' },
      ])
      .execute();
    const on = (name: string) => ({ name, kind: 'streaming' as const, country: 'RU' });
    await importShows(db(), [
      { tvmaze: 9701, title: 'Слово пацана', platform: on('VK Видео') },
      { tvmaze: 9702, title: 'Манюня', platform: on('Иви') },
      { tvmaze: 9703, title: 'Сны Алисы', platform: on('Смотрим') },
    ]);
    const platformOf = async (tvmaze: number) =>
      (
        await db()
          .kysely.selectFrom('shows as s')
          .innerJoin('platforms as p', 'p.id', 's.platform_id')
          .select('p.slug')
          .where('s.tvmaze_id', '=', tvmaze)
          .executeTakeFirstOrThrow()
      ).slug;
    expect([await platformOf(9701), await platformOf(9702), await platformOf(9703)]).toEqual(['vk', 'x', 'smotrim']);
  });

  it("keeps the starter catalogue's slugs, and finds a renamed starter show under its new slug when seeded again", async () => {
    const catalogue = loadStarterCatalogue();
    await importStarterCatalogue(db(), catalogue, TEST_NOW);
    const shows = await db()
      .kysely.selectFrom('shows')
      .select(['slug'])
      .where(
        'slug',
        'in',
        catalogue.shows.map((s) => s.slug),
      )
      .execute();
    expect(shows.map((s) => s.slug).sort()).toEqual(catalogue.shows.map((s) => s.slug).sort());
    const names = [...new Set(catalogue.shows.flatMap((s) => s.credits.map((c) => c.name)))];
    const people = await db().kysely.selectFrom('people').select(['slug', 'name']).where('name', 'in', names).execute();
    expect(people).toHaveLength(names.length);
    for (const p of people) expect(p.slug, p.name).toBe(slugBeforeScripts(p.name));

    await renameShowSlug(db().kysely, { from: 'squid-game', to: 'ojingeo-geim-netflix', now: TEST_NOW });
    const before = await countShows(db());
    const again = await importStarterCatalogue(db(), catalogue, TEST_NOW);
    expect(again.total('inserted')).toBe(0);
    expect(await countShows(db())).toBe(before);
    expect(await movedShowSlug(db().kysely, 'squid-game')).toBe('ojingeo-geim-netflix');
  });
});
