import { sql } from 'kysely';
import { columnTypes, type Migration, PRECISIONS } from './types.ts';

// Catalogue: platforms, sources, shows (with aliases and genres), seasons, episodes, people, credits, ratings.
export const catalogue: Migration = {
  version: 1,
  name: 'catalogue',
  async up(db, engine) {
    const t = columnTypes(engine);

    await db.schema
      .createTable('platforms')
      .addColumn('id', 'integer', t.id)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('streaming','broadcast','cable')`))
      .addColumn('country', 'text')
      .execute();

    await db.schema
      .createTable('sources')
      .addColumn('id', 'integer', t.id)
      .addColumn('url', 'text', (c) => c.unique())
      .addColumn('outlet', 'text', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('published_on', t.date)
      .addColumn('retrieved_on', t.date)
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('shows')
      .addColumn('id', 'integer', t.id)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('original_title', 'text')
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('origin_country', 'text')
      .addColumn('original_language', 'text')
      .addColumn('platform_id', 'integer', (c) => c.references('platforms.id'))
      .addColumn('premiered', t.date)
      .addColumn('ended', t.date)
      .addColumn('synopsis', 'text')
      .addColumn('basis', 'text')
      .addColumn('official_site', 'text')
      .addColumn('imdb_id', 'text', (c) => c.unique())
      .addColumn('tvmaze_id', 'integer', (c) => c.unique())
      .addColumn('thetvdb_id', 'integer', (c) => c.unique())
      .addColumn('netflix_id', 'text', (c) => c.unique())
      .addColumn('derived_status', 'text', (c) => c.notNull().defaultTo('undecided'))
      .addColumn('verified_on', t.date)
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', t.instant, (c) => c.notNull())
      .addColumn('updated_at', t.instant, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('shows_platform_idx').on('shows').column('platform_id').execute();
    await db.schema.createIndex('shows_updated_idx').on('shows').column('updated_at').execute();
    await db.schema.createIndex('shows_status_idx').on('shows').columns(['derived_status', 'platform_id']).execute();

    await db.schema
      .createTable('show_aliases')
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('alias', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('show_aliases_pk', ['show_id', 'alias'])
      .execute();

    await db.schema
      .createTable('show_genres')
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('genre', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('show_genres_pk', ['show_id', 'genre'])
      .execute();
    await db.schema.createIndex('show_genres_genre_idx').on('show_genres').column('genre').execute();

    await db.schema
      .createTable('seasons')
      .addColumn('id', 'integer', t.id)
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull().check(sql`number >= 0`))
      .addColumn('premiere_date', t.date)
      .addColumn('premiere_precision', 'text', (c) =>
        c
          .notNull()
          .defaultTo('unknown')
          .check(sql.raw(`premiere_precision in ${PRECISIONS}`)),
      )
      .addColumn('finale_date', t.date)
      .addColumn('finale_precision', 'text', (c) =>
        c
          .notNull()
          .defaultTo('unknown')
          .check(sql.raw(`finale_precision in ${PRECISIONS}`)),
      )
      .addColumn('episode_count', 'integer', (c) => c.check(sql`episode_count >= 0`))
      .addColumn('episode_count_kind', 'text', (c) => c.check(sql`episode_count_kind in ('announced','counted')`))
      .addColumn('release_style', 'text', (c) => c.check(sql`release_style in ('all_at_once','weekly','in_parts')`))
      .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
      .addUniqueConstraint('seasons_show_number_uq', ['show_id', 'number'])
      .execute();

    await db.schema
      .createTable('episodes')
      .addColumn('id', 'integer', t.id)
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('season_id', 'integer', (c) => c.notNull().references('seasons.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('title', 'text')
      .addColumn('airdate', t.date)
      .addColumn('airstamp', t.instant)
      .addColumn('runtime_minutes', 'integer')
      .addUniqueConstraint('episodes_season_number_uq', ['season_id', 'number'])
      .execute();
    await db.schema.createIndex('episodes_show_idx').on('episodes').column('show_id').execute();

    await db.schema
      .createTable('people')
      .addColumn('id', 'integer', t.id)
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('imdb_id', 'text', (c) => c.unique())
      .addColumn('tvmaze_id', 'integer', (c) => c.unique())
      .execute();

    await db.schema
      .createTable('credits')
      .addColumn('id', 'integer', t.id)
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('role', 'text', (c) =>
        c
          .notNull()
          .check(sql`role in ('creator','showrunner','writer','director','cinematographer','composer','producer','cast','based_on')`),
      )
      .addColumn('character', 'text')
      .addColumn('billing_order', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
      .execute();
    // One credit per person, role and character; NULL characters compare equal here.
    await db.schema
      .createIndex('credits_identity_uq')
      .on('credits')
      .unique()
      .expression(sql`show_id, person_id, role, coalesce(character, '')`)
      .execute();
    await db.schema.createIndex('credits_person_idx').on('credits').column('person_id').execute();

    await db.schema
      .createTable('ratings')
      .addColumn('id', 'integer', t.id)
      .addColumn('show_id', 'integer', (c) => c.notNull().references('shows.id').onDelete('cascade'))
      .addColumn('season_number', 'integer')
      .addColumn('source', 'text', (c) => c.notNull())
      .addColumn('value', t.real, (c) => c.notNull())
      .addColumn('scale', t.real, (c) => c.notNull().defaultTo(10))
      .addColumn('votes', 'integer')
      .addColumn('as_of_date', t.date, (c) => c.notNull())
      .addColumn('as_of_precision', 'text', (c) => c.notNull().check(sql.raw(`as_of_precision in ${PRECISIONS}`)))
      .addColumn('source_id', 'integer', (c) => c.references('sources.id'))
      .execute();
    await db.schema
      .createIndex('ratings_identity_uq')
      .on('ratings')
      .unique()
      .expression(sql`show_id, source, coalesce(season_number, -1), as_of_date`)
      .execute();
  },
};
