import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { getPerson } from '../catalog/people.queries.ts';
import { personJsonLd } from '../catalog/person.jsonld.ts';
import { slugParam } from '../catalog/shows.params.ts';
import { speakerFor } from '../web/lang.context.ts';
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
    const { t } = speakerFor(c);
    const meta = {
      title: t('people.metaTitle', { name: person.name }),
      // The titles are a list of names, as given: "Somos., Narcos, Dark…".
      description: t('people.metaDescription', {
        name: person.name,
        titles: titles.slice(0, 5).join(', '),
        more: titles.length > 5 ? 'yes' : 'no',
      }),
      canonical: url,
      jsonLd: personJsonLd(person, url, siteUrl),
    };
    return render(c, meta, <PersonPage person={person} />);
  };
}
