import type { scoreboard } from '../catalog/scoreboard.ts';
import { SCOREBOARD_STATUSES } from '../catalog/scoreboard.ts';
import { StatusBadge } from './shows.pages.tsx';

type Board = NonNullable<Awaited<ReturnType<typeof scoreboard>>>;

const HEADINGS: Record<string, string> = {
  renewed: 'Renewed',
  cancelled: 'Cancelled',
  ended: 'Ended',
  limited: 'Limited series',
  undecided: 'No decision yet',
  upcoming: 'Not out yet',
};

export function ScoreboardPage({ board }: { board: Board }) {
  const { platform } = board;
  return (
    <>
      <h1>{platform.name}: renewal scoreboard</h1>
      <section class="table-wrap" tabindex={0} aria-label="Shows by status">
        <table>
          <caption class="visually-hidden">Shows by status</caption>
          <thead>
            <tr>
              {SCOREBOARD_STATUSES.map((s) => (
                <th scope="col">{HEADINGS[s]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {SCOREBOARD_STATUSES.map((s) => (
                <td class="num">{board.byStatus[s]?.length ?? 0}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
      <p>
        {board.decisionMedianDays === null
          ? `Too few dated decisions on record to say how long ${platform.name} takes to decide.`
          : `From a season's release to the decision on the next: median ${board.decisionMedianDays} days, over ${board.decisionsMeasured} decisions on record; ${board.within90} of them (${Math.round((board.within90 / board.decisionsMeasured) * 100)}%) came within 90 days.`}
      </p>
      <p class="meta">
        <a href={`/platforms/${platform.slug}/feed.xml`}>RSS</a> · <a href={`/platforms/${platform.slug}/feed.atom`}>Atom</a> ·{' '}
        <a href={`/platforms/${platform.slug}/feed.json`}>JSON Feed</a> ·{' '}
        <a href={`/platforms/${platform.slug}/calendar.ics`}>premiere calendar</a>
      </p>
      {SCOREBOARD_STATUSES.filter((s) => (board.byStatus[s]?.length ?? 0) > 0).map((s) => (
        <section aria-labelledby={`h-${s}`}>
          <h2 id={`h-${s}`}>
            {HEADINGS[s]} ({board.byStatus[s]?.length})
          </h2>
          <ul class="plain">
            {(board.byStatus[s] ?? []).slice(0, 200).map((show) => (
              <li>
                <a href={`/shows/${show.slug}`}>{show.title}</a> <StatusBadge status={show.derived_status} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
