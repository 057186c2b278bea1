import { formatPartialDate } from './dates.ts';
import { StatusBadge } from './shows.pages.tsx';
import type { ShowPage as ShowList, ShowRow } from './shows.queries.ts';

function ShowItem({ show }: { show: ShowRow }) {
  return (
    <li>
      <a href={`/shows/${show.slug}`}>{show.title}</a> <StatusBadge status={show.status} />
      <br />
      <span class="meta">
        {show.platform?.name ?? 'TV'}
        {show.premiered ? ` · since ${formatPartialDate({ date: show.premiered, precision: 'year' })}` : ''}
        {show.originalTitle && show.originalTitle !== show.title ? ` · ${show.originalTitle}` : ''}
      </span>
    </li>
  );
}

export function HomePage({ shows }: { shows: ShowRow[] }) {
  return (
    <>
      <h1>Will there be another season?</h1>
      <p class="lede">Renewal status, release dates and sourced updates for TV series, written from data and kept current.</p>
      <h2>Recently updated</h2>
      {shows.length === 0 ? (
        <p>The catalogue is empty.</p>
      ) : (
        <ul class="plain">
          {shows.map((s) => (
            <ShowItem show={s} />
          ))}
        </ul>
      )}
    </>
  );
}

export function SearchPage({
  query,
  result,
  page,
  pageSize,
  error,
}: {
  query: string;
  result: ShowList | null;
  page: number;
  pageSize: number;
  error?: string;
}) {
  const pages = result ? Math.ceil(result.total / pageSize) : 0;
  const link = (p: number) => `/search?q=${encodeURIComponent(query)}&page=${p}`;
  return (
    <>
      <h1>{query ? `Search: ${query}` : 'Search'}</h1>
      {error ? <p role="alert">Invalid search: {error}</p> : null}
      {!result ? (
        <p>Type a title in the search box, in any language: accents and punctuation do not matter.</p>
      ) : result.total === 0 ? (
        <p>No shows match “{query}”.</p>
      ) : (
        <>
          <p>
            {result.total} show{result.total === 1 ? '' : 's'} match{result.total === 1 ? 'es' : ''} “{query}”.
          </p>
          <ul class="plain">
            {result.items.map((s) => (
              <ShowItem show={s} />
            ))}
          </ul>
          {pages > 1 ? (
            <nav aria-label="Pages">
              {page > 1 ? <a href={link(page - 1)}>Previous</a> : null} Page {page} of {pages}{' '}
              {page < pages ? <a href={link(page + 1)}>Next</a> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
