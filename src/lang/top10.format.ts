// Netflix's weekly global Top 10 file ("all-weeks-global"), as Netflix publishes it: read by the importer
// and by the forecaster's file contract.

export const TOP10_COLUMNS = [
  'week',
  'category',
  'weekly_rank',
  'show_title',
  'season_title',
  'weekly_hours_viewed',
  'runtime',
  'weekly_views',
  'cumulative_weeks_in_top_10',
];

/** A Top 10 week (Monday–Sunday, named by its Sunday) comes out on the Tuesday after. */
export const top10PublicOn = (week: string) => new Date(Date.parse(`${week}T00:00:00Z`) + 2 * 86_400_000).toISOString().slice(0, 10);
