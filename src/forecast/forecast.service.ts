import type { Db } from '../db/database.ts';
import { databaseRevision } from '../db/revision.ts';
import { chartTitle, forecastChartSvg } from './chart.svg.ts';
import { type ClaimCheck, checkQuickDecisions, type DecisionClock, decisionClock } from './clock.rules.ts';
import { nextSeasonStatus } from './decisions.rules.ts';
import { type EpisodeOutlook, episodeOutlook } from './episodes.rules.ts';
import { pEver } from './ever.model.ts';
import { type Cohort, cohortEvidence, explainForecast, top10Evidence } from './explain.rules.ts';
import { loadHistories } from './forecast.queries.ts';
import { type Forecast, forecastNextSeason } from './forecast.rules.ts';
import { historyAsOf, type ShowHistory } from './history.ts';
import { loadPrior } from './prior.ts';
import { everFeatures, type Model, trainModel } from './train.ts';

export interface ShowForecast {
  forecast: Forecast;
  explanation: string[];
  cohort: Cohort | null;
  clock: DecisionClock | null;
  claim: ClaimCheck | null;
  episodes: EpisodeOutlook | null;
  chartSvg: string;
}

/** The model's "ever" for the show's latest season, and for the same season with no weeks in the Top 10; null where unmeasured. */
function top10Odds(show: ShowHistory, model: Model, asOf: string): { pEver: number; pEverUncharted: number } | null {
  const latest = show.seasons.at(-1);
  if (!latest) return null;
  const features = everFeatures(show, latest.number, latest.premiered, asOf, model.top10Through);
  if (!features.some((f) => f.startsWith('top10:'))) return null;
  const uncharted = [...features.filter((f) => !f.startsWith('top10:')), 'top10:0'];
  return { pEver: pEver(model.params, features), pEverUncharted: pEver(model.params, uncharted) };
}

/** Forecasts for the site: the model is trained once per day and catalogue revision, then reused. */
export function forecastService(db: Db) {
  const prior = loadPrior();
  // One training per key, shared by every request that asks while it runs.
  let cached: { key: string; state: Promise<{ histories: ShowHistory[]; model: Model }> } | null = null;

  async function state(today: string) {
    const others = db.notices?.listening ? `n${db.notices.catalogue}` : await databaseRevision(db.kysely, { comments: false });
    const key = `${today}|${db.writes.catalogue}|${others}`;
    if (cached?.key !== key) {
      const training = loadHistories(db.kysely).then((histories) => ({ histories, model: trainModel({ histories, asOf: today, prior }) }));
      cached = { key, state: training };
      training.catch(() => {
        if (cached?.state === training) cached = null; // a failed load is tried again by the next request
      });
    }
    return cached.state;
  }

  return {
    /** Trains the model for `now`'s day ahead of the first page that needs it (at start-up, after midnight). */
    async warm(now: Date): Promise<void> {
      await state(now.toISOString().slice(0, 10));
    },

    async forShow(slug: string, now: Date): Promise<ShowForecast | null> {
      const today = now.toISOString().slice(0, 10);
      const { histories, model } = await state(today);
      const full = histories.find((h) => h.id === slug);
      if (!full) return null;
      const show = historyAsOf(full, today);
      const forecast = forecastNextSeason({ show, model, asOf: today });
      const latest = show.seasons.at(-1);
      const status = latest ? nextSeasonStatus(show, latest.number, today) : null;
      const cohort = cohortEvidence(histories, show, today);
      const clock =
        forecast.basis === 'waiting' && forecast.waitedDays !== null ? decisionClock(model.decisionWaits, forecast.waitedDays) : null;
      const claim = forecast.basis === 'waiting' ? checkQuickDecisions(model.decisionWaits, show.platform) : null;
      const episodes = forecast.basis === 'ended' ? null : episodeOutlook(show, histories);
      const top10 = top10Evidence(show, today, top10Odds(show, model, today));
      const explanation = explainForecast({
        title: show.title,
        platform: show.platform,
        forecast,
        cohort,
        clock,
        claim,
        episodes,
        top10,
        renewedOn: status?.renewedOn ?? null,
      });
      const chartSvg = forecastChartSvg(forecast, chartTitle(show.title, forecast.nextSeason));
      return { forecast, explanation, cohort, clock, claim, episodes, chartSvg };
    },
  };
}

export type ForecastService = ReturnType<typeof forecastService>;
