import type { Db } from '../db/database.ts';
import { databaseRevision } from '../db/revision.ts';
import type { Lang } from '../lang/i18n.ts';
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
  /** The chart for a wide column, and the same for a phone. */
  chartSvg: string;
  chartSvgNarrow: string;
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

/**
 * Forecasts for the site. The model is trained once a day (its fit moves little in a day, and training costs
 * far more than a page); the histories it is applied to are read again whenever the catalogue changes, so a
 * renewal an editor enters counts on the show's page at once.
 */
export function forecastService(db: Db) {
  const prior = loadPrior();
  // One load per revision and one training per day, each shared by every request that asks while it runs.
  let histories: { key: string; loading: Promise<ShowHistory[]> } | null = null;
  let model: { day: string; training: Promise<Model> } | null = null;

  const shared = <T>(work: Promise<T>, forget: () => void) => {
    work.catch(forget); // a failed load or training is tried again by the next request
    return work;
  };

  async function state(today: string) {
    const others = db.notices?.listening ? `n${db.notices.catalogue}` : await databaseRevision(db.kysely, { comments: false });
    const key = `${db.writes.catalogue}|${others}`;
    if (histories?.key !== key) {
      const loading: Promise<ShowHistory[]> = shared(loadHistories(db.kysely), () => {
        if (histories?.loading === loading) histories = null;
      });
      histories = { key, loading };
    }
    const current = await histories.loading;
    if (model?.day !== today) {
      const training: Promise<Model> = shared(
        Promise.resolve().then(() => trainModel({ histories: current, asOf: today, prior })),
        () => {
          if (model?.training === training) model = null;
        },
      );
      model = { day: today, training };
    }
    return { histories: current, model: await model.training };
  }

  return {
    /** Trains the model for `now`'s day ahead of the first page that needs it (at start-up, after midnight). */
    async warm(now: Date): Promise<void> {
      await state(now.toISOString().slice(0, 10));
    },

    async forShow(slug: string, now: Date, lang: Lang = 'en'): Promise<ShowForecast | null> {
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
        lang,
      });
      const title = chartTitle(show.title, forecast.nextSeason, lang);
      const chartSvg = forecastChartSvg(forecast, title, lang, 'wide');
      const chartSvgNarrow = forecastChartSvg(forecast, title, lang, 'narrow');
      return { forecast, explanation, cohort, clock, claim, episodes, chartSvg, chartSvgNarrow };
    },
  };
}

export type ForecastService = ReturnType<typeof forecastService>;
