import { STATUSES } from '../catalog/shows.params.ts';
import type { ShowPage as ShowList } from '../catalog/shows.queries.ts';
import { useLang } from '../web/lang.context.ts';
import { pathWithQuery } from '../web/urls.ts';
import { StatusBadge } from './shows.pages.tsx';

// Browse the catalogue by platform, status, country, genre and premiere year, a page at a time.

export interface BrowseFilters {
  platform?: string | undefined;
  status?: string | undefined;
  country?: string | undefined;
  genre?: string | undefined;
  year?: number | undefined;
}

export function BrowsePage({
  filters,
  result,
  page,
  pageSize,
  platforms,
  genres,
  error,
}: {
  filters: BrowseFilters;
  result: ShowList;
  page: number;
  pageSize: number;
  platforms: Array<{ slug: string; name: string }>;
  genres: string[];
  error?: string;
}) {
  const { t, rich, href } = useLang();
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const query = (p: number) => href(pathWithQuery('/browse', { ...filters, page: p }));
  // Genres are stored as TVmaze names them; a select key holds no hyphen ("Science-Fiction").
  const genreLabel = (g: string) => t('browse.genreOption', { genre: g.replace(/[^A-Za-z0-9]/g, '_'), name: g });
  const genreOptions = genres.map((g) => ({ value: g, label: genreLabel(g) })).sort((a, b) => a.label.localeCompare(b.label));
  return (
    <>
      <h1>{t('browse.heading')}</h1>
      {error ? <p role="alert">{error}</p> : null}
      <form method="get" action={href('/browse')} class="filters">
        <label for="f-platform">{t('browse.platform')}</label>{' '}
        <select id="f-platform" name="platform">
          <option value="">{t('browse.any')}</option>
          {platforms.map((p) => (
            <option value={p.slug} selected={filters.platform === p.slug}>
              {p.name}
            </option>
          ))}
        </select>{' '}
        <label for="f-status">{t('browse.status')}</label>{' '}
        <select id="f-status" name="status">
          <option value="">{t('browse.any')}</option>
          {STATUSES.map((s) => (
            <option value={s} selected={filters.status === s}>
              {t('browse.statusOption', { status: s })}
            </option>
          ))}
        </select>{' '}
        <label for="f-genre">{t('browse.genre')}</label>{' '}
        <select id="f-genre" name="genre">
          <option value="">{t('browse.any')}</option>
          {genreOptions.map((g) => (
            <option value={g.value} selected={filters.genre === g.value}>
              {g.label}
            </option>
          ))}
        </select>{' '}
        <label for="f-country">{t('browse.country')}</label>{' '}
        <input id="f-country" name="country" size={3} maxlength={2} value={filters.country ?? ''} />{' '}
        <label for="f-year">{t('browse.year')}</label>{' '}
        <input id="f-year" name="year" size={5} inputmode="numeric" value={filters.year ? String(filters.year) : ''} />{' '}
        <button type="submit">{t('browse.submit')}</button>
      </form>
      <p>
        {t('browse.count', { total: result.total })}
        {page > pages ? <> {rich('browse.noSuchPage', { page, pages, last: (text) => <a href={query(pages)}>{text}</a> })}</> : null}
      </p>
      <ul class="plain">
        {result.items.map((s) => (
          <li>
            <a href={href(`/shows/${s.slug}`)}>{s.title}</a> <StatusBadge status={s.status} />
            <span class="meta">
              {' '}
              · {s.platform?.name ?? t('browse.noPlatform')}
              {s.premiered ? ` · ${s.premiered.slice(0, 4)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <nav aria-label={t('browse.pages')}>
        {page > 1 ? <a href={query(Math.min(page - 1, pages))}>{t('browse.previous')}</a> : null}{' '}
        {t('browse.pageOf', { page: Math.min(page, pages), pages })}{' '}
        {page < pages ? <a href={query(page + 1)}>{t('browse.next')}</a> : null}
      </nav>
    </>
  );
}
