import { pointReliabilityChart } from '../forecast/backtest.report.ts';
import type { QualitySummary, Skill, Slice } from '../forecast/backtest.summary.ts';
import type { MessageKey } from '../lang/i18n.ts';
import { type Speaker, useLang } from '../web/lang.context.ts';

// /about/forecasts: how good the forecasts are, from the backtest's own figures (src/forecast/quality/).

/**
 * The backtest summaries are written in English by `nextseason backtest --summary`: the labels this page
 * shows, by what they say, with their message. A label not listed here is shown as it is written.
 */
const LABELS: Record<string, MessageKey> = {
  "Netflix's own seasons, 2013 – June 2024": 'forecasts.set.netflix',
  'All five datasets imported': 'forecasts.set.catalogue',
  'The starter catalogue': 'forecasts.set.starter',
  "The Economist's TV dramas, 1990 – 2018": 'forecasts.set.economist',
  'No decision known, 45 days after a premiere (the reader’s question)': 'forecasts.slice.asked',
  'On Netflix, no decision known, 45 days after a premiere, Top 10 weeks measured': 'forecasts.slice.top10',
  'under 12 months': 'forecasts.gap.under12',
  '12–24 months': 'forecasts.gap.12to24',
  '24 months or more': 'forecasts.gap.over24',
  '45 days after a premiere': 'forecasts.point.45days',
  '6 months after a premiere': 'forecasts.point.6months',
  '12 months after a premiere': 'forecasts.point.12months',
  '10 days after a decision': 'forecasts.point.decision',
};

const label = (s: Pick<Speaker, 't'>, text: string) => {
  const key = Object.hasOwn(LABELS, text) ? LABELS[text] : undefined;
  return key ? s.t(key) : text;
};

/** Figures as the page writes them, in its language: "75%", "+0.15" ("75 %", "+0,15" in Spanish). */
function figures(s: Pick<Speaker, 'number'>) {
  const fixed = (x: number, digits: number) => s.number(x, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // Rounded half up to whole percents first, as the aims are judged (so 74.5% reads 75%).
  const pct = (x: number | null) => (x === null ? '—' : s.number(Math.round(x * 100) / 100, { style: 'percent' }));
  const signed = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${fixed(Math.abs(x), 2)}`);
  return { fixed, pct, signed };
}

/** The reliability diagram of a data set, its title and legend in the page's language. */
export function reliabilityChart(q: QualitySummary, s: Speaker): string {
  const translated = { ...q, reliability: q.reliability.map((r) => ({ ...r, point: label(s, r.point) })) };
  const svg = pointReliabilityChart(translated, s.t('forecasts.chartTitle', { label: label(s, q.label) }));
  // The diagram names its axes and writes its ticks in English; a page in another language has them in its own.
  const asText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return svg
    .replace('>predicted P(premiere within 365 days)<', `>${asText(s.t('forecasts.chartX'))}<`)
    .replace('>observed frequency<', `>${asText(s.t('forecasts.chartY'))}<`)
    .replaceAll('>0.5<', `>${s.number(0.5)}<`);
}

/** The reader's question is always the first slice. */
const asked = (q: QualitySummary): Slice | undefined => q.slices[0];
const row = (slice: Slice | undefined, method: string) => slice?.rows.find((r) => r.method === method);

interface Aim {
  aim: string;
  measured: string;
  met: boolean | null;
}

/** The aims set for the forecaster, against the figures for Netflix's own seasons. */
function aims(q: QualitySummary, s: Speaker): Aim[] {
  const { fixed, pct, signed } = figures(s);
  const m = row(asked(q), 'model');
  const ever = q.ever.find((e) => e.method === 'model');
  // Judged on the figure as shown (two places), so "75%" never reads as a miss of 75–85%.
  const within = (x: number | null | undefined, lo: number, hi = Number.POSITIVE_INFINITY) => {
    if (x === null || x === undefined) return null;
    const shown = Math.round(x * 100) / 100;
    return shown >= lo && shown <= hi;
  };
  const beaten = q.slices.filter((slice) => {
    const [a, b] = [row(slice, 'model')?.skill365.skill, row(slice, 'cancellation-aware')?.skill365.skill];
    return a !== null && a !== undefined && b !== null && b !== undefined && a > b;
  }).length;
  return [
    { aim: s.t('forecasts.aim.skill365'), measured: signed(m?.skill365.skill ?? null), met: within(m?.skill365.skill, 0.15) },
    { aim: s.t('forecasts.aim.skill730'), measured: signed(m?.skill730.skill ?? null), met: within(m?.skill730.skill, 0.3) },
    { aim: s.t('forecasts.aim.cover80'), measured: pct(m?.coverage80 ?? null), met: within(m?.coverage80, 0.75, 0.85) },
    { aim: s.t('forecasts.aim.cover50'), measured: pct(m?.coverage50 ?? null), met: within(m?.coverage50, 0.45, 0.55) },
    { aim: s.t('forecasts.aim.auc'), measured: ever?.auc != null ? fixed(ever.auc, 2) : '—', met: within(ever?.auc, 0.8) },
    { aim: s.t('forecasts.aim.right'), measured: pct(ever?.right ?? null), met: within(ever?.right, 0.9) },
    {
      aim: s.t('forecasts.aim.beatRule'),
      measured: s.t('forecasts.slicesBeaten', { beaten, slices: q.slices.length }),
      met: beaten === q.slices.length,
    },
  ];
}

function SkillTable({ slice }: { slice: Slice }) {
  const s = useLang();
  const { t } = s;
  const { fixed, pct, signed } = figures(s);
  const skill = (x: Skill) => t('forecasts.skillInterval', { skill: signed(x.skill), low: signed(x.low), high: signed(x.high) });
  const brier = (x: number | null) => (x === null ? '—' : fixed(x, 3));
  const title = label(s, slice.title);
  return (
    <section class="table-wrap" tabindex={0} aria-label={title}>
      <table>
        <caption>{t('forecasts.sliceCaption', { title, cases: slice.cases, shows: slice.shows })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('forecasts.col.method')}</th>
            <th scope="col">{t('forecasts.col.skill365')}</th>
            <th scope="col">{t('forecasts.col.skill730')}</th>
            <th scope="col">{t('forecasts.col.brier')}</th>
            <th scope="col">{t('forecasts.col.cover')}</th>
          </tr>
        </thead>
        <tbody>
          {slice.rows.map((r) => (
            <tr>
              <th scope="row">{t('forecasts.methodName', { method: r.method.replace(/[^a-z0-9]/g, '_'), name: r.method })}</th>
              <td>{r.method === 'climatology' ? t('forecasts.reference') : skill(r.skill365)}</td>
              <td>{r.method === 'climatology' ? t('forecasts.reference') : skill(r.skill730)}</td>
              <td>
                {brier(r.brier365)} / {brier(r.brier730)}
              </td>
              <td>
                {pct(r.coverage50)} / {pct(r.coverage80)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function DataSet({ q, chart }: { q: QualitySummary; chart: string }) {
  const s = useLang();
  const { t, rich, day } = s;
  const { fixed, pct } = figures(s);
  const top10 = q.slices.find((slice) => slice.title.includes('Top 10 weeks measured'));
  const model = q.ever.find((e) => e.method === 'model');
  return (
    <section aria-labelledby={`set-${q.label}`}>
      <h2 id={`set-${q.label}`}>{label(s, q.label)}</h2>
      <p class="meta">
        {rich('forecasts.setMeta', { shows: q.shows, cases: q.cases, dataEnd: day(q.dataEnd), code: () => <code>{q.command}</code> })}
      </p>
      {asked(q) ? <SkillTable slice={asked(q) as Slice} /> : null}
      {top10 ? <SkillTable slice={top10} /> : null}
      <p>
        {t('forecasts.ever', {
          auc: model?.auc != null ? fixed(model.auc, 2) : '—',
          right: pct(model?.right ?? null),
          n: model?.n ?? 0,
        })}
      </p>
      <section class="table-wrap" tabindex={0} aria-label={t('forecasts.gapLabel')}>
        <table>
          <caption>{t('forecasts.gapCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('forecasts.col.gap')}</th>
              <th scope="col">{t('forecasts.col.cases')}</th>
              <th scope="col">{t('forecasts.col.cover50')}</th>
              <th scope="col">{t('forecasts.col.cover80')}</th>
            </tr>
          </thead>
          <tbody>
            {q.coverageByGap.map((g) => (
              <tr>
                <th scope="row">{label(s, g.label)}</th>
                <td>{g.n}</td>
                <td>{pct(g.coverage50)}</td>
                <td>{pct(g.coverage80)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <figure>
        <div dangerouslySetInnerHTML={{ __html: chart }} />
        <figcaption class="meta">{t('forecasts.reliability')}</figcaption>
      </figure>
    </section>
  );
}

export function ForecastsPage({ quality, charts }: { quality: QualitySummary[]; charts: string[] }) {
  const s = useLang();
  const { t, rich } = s;
  const netflix = quality[0];
  return (
    <>
      <h1>{t('forecasts.heading')}</h1>
      <p>{rich('forecasts.method', { b: (text) => <strong>{text}</strong> })}</p>
      <p>{t('forecasts.question')}</p>
      {netflix ? (
        <section class="table-wrap" tabindex={0} aria-label={t('forecasts.aims')}>
          <table>
            <caption>{t('forecasts.aimsCaption', { label: label(s, netflix.label) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('forecasts.aim')}</th>
                <th scope="col">{t('forecasts.measured')}</th>
                <th scope="col">{t('forecasts.met')}</th>
              </tr>
            </thead>
            <tbody>
              {aims(netflix, s).map((a) => (
                <tr>
                  <th scope="row">{a.aim}</th>
                  <td>{a.measured}</td>
                  <td>{a.met === null ? '—' : a.met ? t('forecasts.yes') : t('forecasts.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <p>{t('forecasts.noFigures')}</p>
      )}
      {quality.map((q, i) => (
        <DataSet q={q} chart={charts[i] ?? ''} />
      ))}
      <h2>{t('forecasts.dataHeading')}</h2>
      <p>{t('forecasts.data')}</p>
    </>
  );
}
