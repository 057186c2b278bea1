// Prints what the catalogue in DATABASE_URL can answer: shows, platforms, dated Netflix seasons, derived
// statuses and how many show pages give a forecast. `tsx scripts/catalogue-counts.ts [YYYY-MM-DD]`

import { loadShowView } from '../src/catalog/show.view.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { forecastService } from '../src/forecast/forecast.service.ts';

const now = new Date(`${process.argv[2] ?? new Date().toISOString().slice(0, 10)}T12:00:00Z`);
const db = await openDatabase(loadConfig().database);
const k = db.kysely;
const one = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
  Number((await q.executeTakeFirstOrThrow()).n);
const shows = await one(k.selectFrom('shows').select((e) => e.fn.countAll().as('n')));
const withPlatform = await one(
  k
    .selectFrom('shows')
    .select((e) => e.fn.countAll().as('n'))
    .where('platform_id', 'is not', null),
);
const netflixDated = await one(
  k
    .selectFrom('seasons as se')
    .innerJoin('shows as s', 's.id', 'se.show_id')
    .innerJoin('platforms as p', 'p.id', 's.platform_id')
    .select((e) => e.fn.countAll().as('n'))
    .where('p.slug', '=', 'netflix')
    .where('se.premiere_precision', '=', 'day'),
);
const statuses = await k
  .selectFrom('shows')
  .select(['derived_status', (e) => e.fn.countAll().as('n')])
  .groupBy('derived_status')
  .execute();
const service = forecastService(db);
// What each show page gives: a forecast (by its basis), or the sentence naming the fact it lacks.
const bases = new Map<string, number>();
for (const { slug } of await k.selectFrom('shows').select('slug').execute()) {
  const view = await loadShowView(k, service, slug, now);
  const basis = view?.forecast ? view.forecast.forecast.basis : view?.forecastGap ? 'missing_date' : 'none';
  bases.set(basis, (bases.get(basis) ?? 0) + 1);
}
console.log(
  JSON.stringify(
    {
      asOf: now.toISOString().slice(0, 10),
      shows,
      withPlatform,
      netflixDatedSeasons: netflixDated,
      statuses: Object.fromEntries(statuses.map((s) => [s.derived_status, Number(s.n)])),
      forecastBasis: Object.fromEntries(bases),
    },
    null,
    1,
  ),
);
await db.close();
