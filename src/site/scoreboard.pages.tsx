import type { scoreboard } from '../catalog/scoreboard.ts';
import { SCOREBOARD_STATUSES } from '../catalog/scoreboard.ts';
import { FollowForm } from './follows.pages.tsx';
import { STATUS_LABEL, StatusBadge } from './shows.pages.tsx';

type Board = NonNullable<Awaited<ReturnType<typeof scoreboard>>>;

const HEADINGS: Record<string, string> = { ...STATUS_LABEL, upcoming: 'Not out yet' };

export function ScoreboardPage({ board, followable }: { board: Board; followable?: boolean }) {
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
      {board.charted.length > 0 ? (
        <section aria-labelledby="h-charted">
          <h2 id="h-charted">How seasons in Netflix's Top 10 fared</h2>
          <ul class="plain">
            {board.charted.map((b) => (
              <li>
                Of the {b.seasons === 1 ? 'one season' : `${b.seasons.toLocaleString('en')} seasons`} that spent {b.label} in the global Top
                10,{' '}
                {b.share === null
                  ? 'none has been decided yet'
                  : `${Math.round(b.share * 100)}% got another season (${b.another} of the ${b.another + b.over} decided)`}
                {b.waiting > 0 ? `; ${b.waiting} still ${b.waiting === 1 ? 'waits' : 'wait'} for a decision.` : '.'}
              </li>
            ))}
          </ul>
          <p class="meta">
            From the catalogue: a later season or a renewal counts as another season; a cancellation or a last season as none. Figures:
            Netflix Top 10.
          </p>
        </section>
      ) : null}
      <p class="meta">
        <a href={`/platforms/${platform.slug}/feed.xml`}>RSS</a> · <a href={`/platforms/${platform.slug}/feed.atom`}>Atom</a> ·{' '}
        <a href={`/platforms/${platform.slug}/feed.json`}>JSON Feed</a> ·{' '}
        <a href={`/platforms/${platform.slug}/calendar.ics`}>premiere calendar</a>
      </p>
      {followable ? <FollowForm platform={platform.slug} name={`a show on ${platform.name}`} /> : null}
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
