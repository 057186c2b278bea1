import type { scoreboard } from '../catalog/scoreboard.ts';
import { SCOREBOARD_STATUSES } from '../catalog/scoreboard.ts';
import { useLang } from '../web/lang.context.ts';
import { FollowForm } from './follows.pages.tsx';
import { StatusBadge } from './shows.pages.tsx';

type Board = NonNullable<Awaited<ReturnType<typeof scoreboard>>>;

export function ScoreboardPage({ board, followable }: { board: Board; followable?: boolean }) {
  const { t, href, number } = useLang();
  const { platform } = board;
  const heading = (status: string) => t('scoreboard.status', { status });
  // Shares as the page always showed them: whole percents, rounded half up.
  const percent = (share: number) => number(Math.round(share * 100) / 100, { style: 'percent' });
  const feeds = `/platforms/${platform.slug}`;
  return (
    <>
      <h1>{t('scoreboard.heading', { platform: platform.name })}</h1>
      <section class="table-wrap" tabindex={0} aria-label={t('scoreboard.byStatus')}>
        <table>
          <caption class="visually-hidden">{t('scoreboard.byStatus')}</caption>
          <thead>
            <tr>
              {SCOREBOARD_STATUSES.map((s) => (
                <th scope="col">{heading(s)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {SCOREBOARD_STATUSES.map((s) => (
                <td class="num">{number(board.byStatus[s]?.length ?? 0)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </section>
      <p>
        {board.decisionMedianDays === null
          ? t('scoreboard.tooFew', { platform: platform.name })
          : t('scoreboard.decisions', {
              days: board.decisionMedianDays,
              measured: board.decisionsMeasured,
              within: board.within90,
              share: percent(board.within90 / board.decisionsMeasured),
            })}
      </p>
      {board.charted.length > 0 ? (
        <section aria-labelledby="h-charted">
          <h2 id="h-charted">{t('scoreboard.chartedHeading')}</h2>
          <ul class="plain">
            {board.charted.map((b) => (
              <li>
                {t('scoreboard.fate', {
                  seasons: b.seasons,
                  weeks: t('scoreboard.chartWeeks', { from: b.weeks.from, to: b.weeks.to ?? 'none' }),
                  known: b.share === null ? 'no' : 'yes',
                  share: b.share === null ? '' : percent(b.share),
                  another: b.another,
                  decided: b.another + b.over,
                  waiting: b.waiting,
                })}
              </li>
            ))}
          </ul>
          <p class="meta">{t('scoreboard.fatesNote')}</p>
        </section>
      ) : null}
      <p class="meta">
        <a href={href(`${feeds}/feed.xml`)}>RSS</a> · <a href={href(`${feeds}/feed.atom`)}>Atom</a> ·{' '}
        <a href={href(`${feeds}/feed.json`)}>JSON Feed</a> · <a href={href(`${feeds}/calendar.ics`)}>{t('scoreboard.calendar')}</a>
      </p>
      {followable ? <FollowForm platform={platform.slug} name={platform.name} /> : null}
      {SCOREBOARD_STATUSES.filter((s) => (board.byStatus[s]?.length ?? 0) > 0).map((s) => (
        <section aria-labelledby={`h-${s}`}>
          <h2 id={`h-${s}`}>{t('scoreboard.statusCount', { label: heading(s), count: board.byStatus[s]?.length ?? 0 })}</h2>
          <ul class="plain">
            {(board.byStatus[s] ?? []).slice(0, 200).map((show) => (
              <li>
                <a href={href(`/shows/${show.slug}`)}>{show.title}</a> <StatusBadge status={show.derived_status} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
