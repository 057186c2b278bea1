import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { getPerson } from '../catalog/people.queries.ts';
import { personJsonLd } from '../catalog/person.jsonld.ts';
import { slugParam } from '../catalog/shows.params.ts';
import { render } from '../web/render.tsx';
import { PersonPage } from './people.pages.tsx';
import { notFound } from './shows.routes.tsx';

// GET /people/:slug
export function personPage({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>) {
  return async (c: Context) => {
    const slug = slugParam.safeParse(c.req.param('slug'));
    const person = slug.success ? await getPerson(db.kysely, slug.data) : null;
    if (!person) return notFound(c);
    const url = `${siteUrl}/people/${person.slug}`;
    const titles = [...new Set(person.credits.map((cr) => cr.show.title))];
    const meta = {
      title: `${person.name} | Next Season`,
      description: `${person.name}'s shows and whether each will get another season: ${titles.slice(0, 5).join(', ')}${titles.length > 5 ? '…' : ''}.`,
      canonical: url,
      jsonLd: personJsonLd(person, url, siteUrl),
    };
    return render(c, meta, <PersonPage person={person} />);
  };
}
