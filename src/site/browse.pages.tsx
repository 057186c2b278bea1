import { STATUSES } from '../catalog/shows.params.ts';
import type { ShowPage as ShowList } from '../catalog/shows.queries.ts';
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
  const pages = Math.max(1, Math.ceil(result.total / pageSize));
  const query = (p: number) => pathWithQuery('/browse', { ...filters, page: p });
  return (
    <>
      <h1>Browse shows</h1>
      {error ? <p role="alert">{error}</p> : null}
      <form method="get" action="/browse" class="filters">
        <label for="f-platform">Platform</label>{' '}
        <select id="f-platform" name="platform">
          <option value="">any</option>
          {platforms.map((p) => (
            <option value={p.slug} selected={filters.platform === p.slug}>
              {p.name}
            </option>
          ))}
        </select>{' '}
        <label for="f-status">Status</label>{' '}
        <select id="f-status" name="status">
          <option value="">any</option>
          {STATUSES.map((s) => (
            <option value={s} selected={filters.status === s}>
              {s}
            </option>
          ))}
        </select>{' '}
        <label for="f-genre">Genre</label>{' '}
        <select id="f-genre" name="genre">
          <option value="">any</option>
          {genres.map((g) => (
            <option value={g} selected={filters.genre === g}>
              {g}
            </option>
          ))}
        </select>{' '}
        <label for="f-country">Country</label> <input id="f-country" name="country" size={3} maxlength={2} value={filters.country ?? ''} />{' '}
        <label for="f-year">Premiere year</label>{' '}
        <input id="f-year" name="year" size={5} inputmode="numeric" value={filters.year ? String(filters.year) : ''} />{' '}
        <button type="submit">Show</button>
      </form>
      <p>
        {result.total.toLocaleString('en')} show{result.total === 1 ? '' : 's'}.
        {page > pages ? (
          <>
            {' '}
            There is no page {page}: <a href={query(pages)}>the last is page {pages}</a>.
          </>
        ) : null}
      </p>
      <ul class="plain">
        {result.items.map((s) => (
          <li>
            <a href={`/shows/${s.slug}`}>{s.title}</a> <StatusBadge status={s.status} />
            <span class="meta">
              {' '}
              · {s.platform?.name ?? 'TV'}
              {s.premiered ? ` · ${s.premiered.slice(0, 4)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <nav aria-label="Pages">
        {page > 1 ? <a href={query(Math.min(page - 1, pages))}>Previous</a> : null} Page {Math.min(page, pages)} of {pages}{' '}
        {page < pages ? <a href={query(page + 1)}>Next</a> : null}
      </nav>
    </>
  );
}
