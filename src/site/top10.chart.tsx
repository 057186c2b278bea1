import type { Top10WeekRow } from '../catalog/popularity.queries.ts';
import { useLang } from '../web/lang.context.ts';

// A season's weeks in Netflix's global Top 10 as bars: the higher the bar, the better the rank (#1 fills it).

const BAR = 16;
const GAP = 4;
const HEIGHT = 70;

export function Top10Chart({ season, weeks }: { season: number; weeks: Top10WeekRow[] }) {
  const id = `top10-s${season}`;
  const width = weeks.length * (BAR + GAP);
  const { t, day } = useLang();
  const ranks = weeks.map((w) => t('top10.week', { rank: w.rank, date: day(w.week) })).join('; ');
  return (
    <svg class="top10-chart" role="img" aria-labelledby={id} viewBox={`0 0 ${width} ${HEIGHT + 14}`} width={width} height={HEIGHT + 14}>
      <title id={id}>{t('top10.title', { season: String(season), weeks: ranks })}</title>
      {weeks.map((w, i) => {
        const height = ((11 - w.rank) / 10) * HEIGHT;
        return (
          <g>
            <rect x={i * (BAR + GAP)} y={HEIGHT - height} width={BAR} height={height} fill="currentColor" />
            <text x={i * (BAR + GAP) + BAR / 2} y={HEIGHT + 12} text-anchor="middle" font-size="10" fill="currentColor">
              {w.rank}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
