import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { recentDecisions, upcomingPremieres, waitingLongest } from '../catalog/home.queries.ts';
import { breadcrumbJsonLd, CARD, showJsonLd, websiteJsonLd } from '../catalog/show.jsonld.ts';
import { loadShowView } from '../catalog/show.view.ts';
import { queryObject, searchQuery, slugParam } from '../catalog/shows.params.ts';
import { listShows, recentlyUpdatedShows, searchPeople } from '../catalog/shows.queries.ts';
import { latestUpdates } from '../feeds/feeds.queries.ts';
import { cutAtWord } from '../lang/words.rules.ts';
import { NotFoundPage } from '../web/errors.pages.tsx';
import { errorLine } from '../web/fields.ts';
import { speakerFor } from '../web/lang.context.ts';
import { render } from '../web/render.tsx';
import { HomePage, SearchPage } from './catalog.pages.tsx';
import type { CommentFormState } from './comments.pages.tsx';
import { commentSection } from './comments.section.ts';
import { ShowPage } from './shows.pages.tsx';

const SEARCH_PAGE_SIZE = 20;

export function showPages({ db, siteUrl, now, forecasts, mail }: AppDeps) {
  async function showPage(c: Context, comments: { token: string; form?: CommentFormState; status?: 400 | 403 | 404 | 429 }) {
    const slug = slugParam.safeParse(c.req.param('slug'));
    if (!slug.success) return notFound(c);
    const say = speakerFor(c);
    const view = await loadShowView(db.kysely, forecasts, slug.data, now(), say.lang);
    if (!view) return notFound(c);
    const { show } = view.detail;
    const url = `${siteUrl}/shows/${show.slug}`;
    const n = view.status.nextSeason;
    const seasonNumbers = [...view.detail.seasons.map((s) => s.number), n];
    const section = await commentSection(db.kysely, show, seasonNumbers, c.req.url, { ...comments, mailEnabled: Boolean(mail) });
    const meta = {
      title: say.t('show.title', { title: show.title, n }),
      description: cutAtWord(`${view.next.said}. ${view.next.sentence} ${view.when}`, 300),
      canonical: url,
      ogType: 'video.tv_show',
      jsonLd: [showJsonLd(view.detail, url, siteUrl, section.total, say.lang), breadcrumbJsonLd(show, siteUrl, say.lang)],
      image: {
        url: `${siteUrl}${say.href(`/shows/${show.slug}`)}/card.png`,
        ...CARD,
        alt: say.t('show.shareAlt', { title: show.title, verdict: view.next.said, sentence: view.next.sentence }),
      },
      feedsAt: `/shows/${show.slug}`,
    };
    return render(c, meta, <ShowPage {...view} comments={section} followable={Boolean(mail)} />, { status: comments.status });
  }

  return {
    // GET /
    async home(c: Context) {
      const today = now().toISOString().slice(0, 10);
      const [shows, updates, upcoming, renewed, cancelled, waiting] = await Promise.all([
        recentlyUpdatedShows(db.kysely, 12),
        latestUpdates(db.kysely, {}, 10),
        upcomingPremieres(db.kysely, today),
        recentDecisions(db.kysely, ['renewed']),
        recentDecisions(db.kysely, ['cancelled', 'ended']),
        waitingLongest(db.kysely),
      ]);
      const say = speakerFor(c);
      const meta = {
        title: say.t('site.tagline'),
        description: say.t('site.description'),
        canonical: `${siteUrl}/`,
        feedsAt: '',
        jsonLd: websiteJsonLd(siteUrl, say.lang),
      };
      return render(
        c,
        meta,
        <HomePage shows={shows} lists={{ updates, upcoming, renewed, cancelled, waiting }} today={today} followable={Boolean(mail)} />,
      );
    },

    // GET /shows/:slug
    // The same page for every reader: the comment form gets its token when the reader starts to write.
    show: (c: Context) => showPage(c, { token: '' }),

    /** The show page with the comment form in a given state (a rejected post keeps the reader's text). */
    showPage,

    // GET /search?q=
    async search(c: Context) {
      const say = speakerFor(c);
      const parsed = searchQuery.safeParse(queryObject(c.req.url));
      if (!parsed.success) {
        return render(
          c,
          { title: say.t('search.title'), description: say.t('search.description'), noindex: true },
          <SearchPage query="" error={errorLine(parsed.error)} result={null} page={1} pageSize={SEARCH_PAGE_SIZE} />,
          { status: 400 },
        );
      }
      const { q, page } = parsed.data;
      const result = q
        ? await listShows(db.kysely, db.engine, { q, limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE })
        : null;
      const people = q && page === 1 ? await searchPeople(db.kysely, q) : [];
      const meta = {
        title: q ? say.t('search.titleQuery', { q }) : say.t('search.title'),
        description: say.t('search.description'),
        noindex: true,
      };
      return render(c, meta, <SearchPage query={q} result={result} people={people} page={page} pageSize={SEARCH_PAGE_SIZE} />, {
        query: q,
      });
    },
  };
}

export function notFound(c: Context) {
  const say = speakerFor(c);
  return render(
    c,
    { title: `${say.t('error.notFoundTitle')} | Next Season`, description: say.t('error.notFoundDescription'), noindex: true },
    <NotFoundPage path={c.req.path} />,
    {
      status: 404,
    },
  );
}
