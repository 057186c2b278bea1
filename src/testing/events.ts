import type { Db } from '../db/database.ts';
import { TEST_NOW } from '../db/testing.ts';
import { validateEvent } from '../status/event.input.ts';
import { addEvent } from '../status/events.writes.ts';

/** Netflix renews Somos. for a second season, as an editor would enter it: a change every show-page cache must see. */
export async function renewSomos(db: Db): Promise<void> {
  const somos = await db.kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
  const input = validateEvent({
    kind: 'renewed',
    season: '2',
    date: '2026-11-20',
    tier: 'official',
    source_url: 'https://about.netflix.com/somos-2',
  });
  if (!input.ok) throw new Error('invalid fixture');
  await addEvent(db.kysely, somos.id, input.data, null, TEST_NOW);
}
