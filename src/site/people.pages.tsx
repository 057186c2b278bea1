import type { PersonView } from '../catalog/people.queries.ts';
import { ROLE_WORDS } from './catalog.pages.tsx';
import { StatusBadge } from './shows.pages.tsx';

// A person's page: every show they are credited on, newest first, with where each show stands.

export function PersonPage({ person }: { person: PersonView }) {
  const byShow = new Map<string, PersonView['credits']>();
  for (const c of person.credits) byShow.set(c.show.slug, [...(byShow.get(c.show.slug) ?? []), c]);
  return (
    <>
      <h1>{person.name}</h1>
      <p>{byShow.size === 1 ? 'Credited on one show' : `Credited on ${byShow.size.toLocaleString('en')} shows`} in the catalogue.</p>
      <ul class="plain">
        {[...byShow.values()].map((credits) => {
          const show = (credits[0] as PersonView['credits'][number]).show;
          const roles = credits.map((c) => (c.role === 'cast' && c.character ? `cast, as ${c.character}` : (ROLE_WORDS[c.role] ?? c.role)));
          return (
            <li>
              <a href={`/shows/${show.slug}`}>{show.title}</a>
              {show.premiered ? ` (${show.premiered.slice(0, 4)})` : ''} <StatusBadge status={show.status} />
              <span class="meta"> · {[...new Set(roles)].join('; ')}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
