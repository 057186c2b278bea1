import type { PersonView } from '../catalog/people.queries.ts';
import { useLang } from '../web/lang.context.ts';
import { StatusBadge } from './shows.pages.tsx';

// A person's page: every show they are credited on, newest first, with where each show stands.

export function PersonPage({ person }: { person: PersonView }) {
  const { t, href } = useLang();
  const byShow = new Map<string, PersonView['credits']>();
  for (const c of person.credits) byShow.set(c.show.slug, [...(byShow.get(c.show.slug) ?? []), c]);
  return (
    <>
      <h1>{person.name}</h1>
      <p>{t('people.credited', { shows: byShow.size })}</p>
      <ul class="plain">
        {[...byShow.values()].map((credits) => {
          const show = (credits[0] as PersonView['credits'][number]).show;
          const roles = credits.map((c) =>
            t('people.role', { role: c.role, named: c.character ? 'yes' : 'no', character: c.character ?? '' }),
          );
          return (
            <li>
              <a href={href(`/shows/${show.slug}`)}>{show.title}</a>
              {show.premiered ? ` (${show.premiered.slice(0, 4)})` : ''} <StatusBadge status={show.status} />
              <span class="meta"> · {[...new Set(roles)].join('; ')}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
