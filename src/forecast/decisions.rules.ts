import type { ShowHistory } from './history.ts';

// Where a show's next season stands, read from its dated decisions.

export type Basis = 'waiting' | 'renewed' | 'dated' | 'ended' | 'no_season';

export interface Status {
  basis: Basis;
  renewedOn?: string;
  dated?: { day: string; precision: 'day' | 'month' | 'quarter' | 'year' };
}

/** Where the next season stands, from decisions dated by `asOf` (latest word wins). */
export function nextSeasonStatus(show: ShowHistory, latest: number, asOf: string): Status {
  const next = latest + 1;
  const decisions = show.decisions.filter((d) => d.date <= asOf).sort((a, b) => a.date.localeCompare(b.date));
  let status: Status = { basis: 'waiting' };
  for (const d of decisions) {
    if (d.kind === 'renewed' && d.season >= next) status = { basis: 'renewed', renewedOn: d.date };
    else if ((d.kind === 'cancelled' || d.kind === 'ended') && d.season <= latest) status = { basis: 'ended' };
    else if ((d.kind === 'cancelled' || d.kind === 'ended') && d.season >= next && status.basis !== 'renewed')
      status = { basis: 'renewed', renewedOn: d.date };
    else if (d.kind === 'date_announced' && d.season === next && d.value && status.basis !== 'ended') {
      status = {
        ...status,
        basis: 'dated',
        dated: { day: d.value, precision: d.precision ?? 'day' },
        renewedOn: status.renewedOn ?? d.date,
      };
    }
  }
  // A date that has passed with no premiere on record says only that the season was ordered.
  if (status.basis === 'dated' && status.dated && periodEnd(status.dated.day, status.dated.precision) < asOf) {
    status = { basis: 'renewed', renewedOn: status.renewedOn ?? asOf };
  }
  return status;
}

export function periodEnd(day: string, precision: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  if (precision === 'month') d.setUTCMonth(d.getUTCMonth() + 1, 0);
  else if (precision === 'quarter') d.setUTCMonth(d.getUTCMonth() + 3, 0);
  else if (precision === 'year') d.setUTCFullYear(d.getUTCFullYear(), 11, 31);
  return d.toISOString().slice(0, 10);
}
