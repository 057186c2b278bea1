import type { QualitySummary, Skill, Slice } from '../forecast/backtest.summary.ts';

// /about/forecasts: how good the forecasts are, from the backtest's own figures (src/forecast/quality/).

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
const signed = (x: number | null) => (x === null ? '—' : `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`);
const skill = (s: Skill) => `${signed(s.skill)} [${signed(s.low)}, ${signed(s.high)}]`;

/** The reader's question is always the first slice. */
const asked = (q: QualitySummary): Slice | undefined => q.slices[0];
const row = (slice: Slice | undefined, method: string) => slice?.rows.find((r) => r.method === method);

interface Aim {
  aim: string;
  measured: string;
  met: boolean | null;
}

/** The aims set for the forecaster, against the figures for Netflix's own seasons. */
function aims(q: QualitySummary): Aim[] {
  const m = row(asked(q), 'model');
  const ever = q.ever.find((e) => e.method === 'model');
  // Judged on the figure as shown (two places), so "75%" never reads as a miss of 75–85%.
  const within = (x: number | null | undefined, lo: number, hi = Number.POSITIVE_INFINITY) => {
    if (x === null || x === undefined) return null;
    const shown = Math.round(x * 100) / 100;
    return shown >= lo && shown <= hi;
  };
  const beaten = q.slices.filter((s) => {
    const [a, b] = [row(s, 'model')?.skill365.skill, row(s, 'cancellation-aware')?.skill365.skill];
    return a !== null && a !== undefined && b !== null && b !== undefined && a > b;
  }).length;
  return [
    {
      aim: 'skill over climatology at 365 days ≥ +0.15',
      measured: signed(m?.skill365.skill ?? null),
      met: within(m?.skill365.skill, 0.15),
    },
    { aim: 'skill over climatology at 730 days ≥ +0.30', measured: signed(m?.skill730.skill ?? null), met: within(m?.skill730.skill, 0.3) },
    { aim: '80% intervals cover 75–85%', measured: pct(m?.coverage80 ?? null), met: within(m?.coverage80, 0.75, 0.85) },
    { aim: '50% intervals cover 45–55%', measured: pct(m?.coverage50 ?? null), met: within(m?.coverage50, 0.45, 0.55) },
    { aim: 'AUC of “ever gets a next season” ≥ 0.80', measured: ever?.auc?.toFixed(2) ?? '—', met: within(ever?.auc, 0.8) },
    { aim: '≥ 90% of “ever” calls right', measured: pct(ever?.right ?? null), met: within(ever?.right, 0.9) },
    {
      aim: 'better than the cancellation-aware rule on every slice (365 days)',
      measured: `${beaten} of ${q.slices.length} slices`,
      met: beaten === q.slices.length,
    },
  ];
}

function SkillTable({ slice }: { slice: Slice }) {
  return (
    <section class="table-wrap" tabindex={0} aria-label={slice.title}>
      <table>
        <caption>
          {slice.title}: {slice.cases} cases, {slice.shows} shows
        </caption>
        <thead>
          <tr>
            <th scope="col">method</th>
            <th scope="col">skill, 365 days [90%]</th>
            <th scope="col">skill, 730 days [90%]</th>
            <th scope="col">Brier 365 / 730 days</th>
            <th scope="col">50% / 80% intervals cover</th>
          </tr>
        </thead>
        <tbody>
          {slice.rows.map((r) => (
            <tr>
              <th scope="row">{r.method}</th>
              <td>{r.method === 'climatology' ? '0 (the reference)' : skill(r.skill365)}</td>
              <td>{r.method === 'climatology' ? '0 (the reference)' : skill(r.skill730)}</td>
              <td>
                {r.brier365?.toFixed(3) ?? '—'} / {r.brier730?.toFixed(3) ?? '—'}
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
  const top10 = q.slices.find((s) => s.title.includes('Top 10 weeks measured'));
  const model = q.ever.find((e) => e.method === 'model');
  return (
    <section aria-labelledby={`set-${q.label}`}>
      <h2 id={`set-${q.label}`}>{q.label}</h2>
      <p class="meta">
        {q.shows} shows, {q.cases} cases, data complete to {q.dataEnd}. Command: <code>{q.command}</code>
      </p>
      {asked(q) ? <SkillTable slice={asked(q) as Slice} /> : null}
      {top10 ? <SkillTable slice={top10} /> : null}
      <p>
        “Will it ever get a next season?”, on the cases the data settles: the model’s AUC is {model?.auc?.toFixed(2) ?? '—'} (0.5 is
        chance), and {pct(model?.right ?? null)} of its calls are right (n = {model?.n ?? 0}).
      </p>
      <section class="table-wrap" tabindex={0} aria-label="Interval coverage by the length of the wait">
        <table>
          <caption>The model’s intervals by the length of the wait (the reader’s question)</caption>
          <thead>
            <tr>
              <th scope="col">premiere to premiere</th>
              <th scope="col">cases</th>
              <th scope="col">50% interval covers</th>
              <th scope="col">80% interval covers</th>
            </tr>
          </thead>
          <tbody>
            {q.coverageByGap.map((g) => (
              <tr>
                <th scope="row">{g.label}</th>
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
        <figcaption class="meta">
          Reliability: of the seasons the model gave a given chance of a premiere within a year, the share that had one. On the dashed line,
          a forecast means what it says; below it, the model promised too much.
        </figcaption>
      </figure>
    </section>
  );
}

export function ForecastsPage({ quality, charts }: { quality: QualitySummary[]; charts: string[] }) {
  const netflix = quality[0];
  return (
    <>
      <h1>How good are the forecasts?</h1>
      <p>
        Every forecast on this site comes from a model that is checked by replaying history. Each season is asked once at fixed points — 45
        days, 6 months and 12 months after its premiere, and 10 days after each renewal or cancellation — using only what was known that
        day, and scored against what happened. The reference is <strong>climatology</strong>: the share of earlier, settled seasons that had
        a next season within a year (or two). Two more rules can also say “no”: a <strong>cancellation-aware</strong> rule (1% once a show
        is cancelled, otherwise the base rate) and a <strong>popularity</strong> rule (the base rate for seasons with as many weeks in
        Netflix’s Top 10). <strong>Skill</strong> is 1 − Brier(model) / Brier(climatology): 0 means no better than the base rate, 1 perfect.
        The 90% intervals come from resampling shows, so one long-running show cannot make the model look better than it is.
      </p>
      <p>
        The first table of each data set is the question a reader asks: a season came out six weeks ago, nothing has been decided — will
        there be another, and when?
      </p>
      {netflix ? (
        <section class="table-wrap" tabindex={0} aria-label="Aims">
          <table>
            <caption>Aims, on {netflix.label} (the reader’s question)</caption>
            <thead>
              <tr>
                <th scope="col">aim</th>
                <th scope="col">measured</th>
                <th scope="col">met</th>
              </tr>
            </thead>
            <tbody>
              {aims(netflix).map((a) => (
                <tr>
                  <th scope="row">{a.aim}</th>
                  <td>{a.measured}</td>
                  <td>{a.met === null ? '—' : a.met ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <p>No backtest figures have been published with this copy of the software.</p>
      )}
      {quality.map((q, i) => (
        <DataSet q={q} chart={charts[i] ?? ''} />
      ))}
      <h2>Data</h2>
      <p>
        Netflix’s seasons, release dates and weekly Top 10 lists: Netflix (“What We Watched” engagement reports and the global Top 10,
        top10.netflix.com). TV dramas 1990–2018: The Economist, “TV’s golden age is real” (CC BY 4.0), from IMDb. The full method and every
        slice are in FORECASTS.md, shipped with the source code.
      </p>
    </>
  );
}
