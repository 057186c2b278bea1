import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing.ts';
import { showTitleKeys } from './014_show_title_keys.ts';

// Migration 014 on a catalogue that already has shows: every title, original title and alias gets its key.

describeEachEngine('migration 014', (db) => {
  it('keys every title a show is known by, normalised, once each', async () => {
    const k = db().kysely;
    await k.schema.dropTable('show_title_keys').execute();
    const stamp = '2026-12-02T12:00:00.000Z';
    const show = await k
      .insertInto('shows')
      .values({
        slug: 'la-casa-de-papel',
        title: 'Money Heist',
        original_title: 'La Casa de Papel',
        type: 'scripted',
        derived_status: 'ended',
        search_text: 'money heist la casa de papel',
        created_at: stamp,
        updated_at: stamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k
      .insertInto('show_aliases')
      .values([
        { show_id: show.id, alias: 'La casa de papel' },
        { show_id: show.id, alias: 'Haus des Geldes' },
      ])
      .execute();
    await showTitleKeys.up(k, db().engine);
    const keys = await k.selectFrom('show_title_keys').select('title_key').where('show_id', '=', show.id).orderBy('title_key').execute();
    expect(keys.map((r) => r.title_key)).toEqual(['haus des geldes', 'la casa de papel', 'money heist']);
  });
});
