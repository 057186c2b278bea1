export function AboutPage() {
  return (
    <>
      <h1>About Next Season</h1>
      <p>
        Next Season answers one question for every TV series: will there be another season, and when? Every status comes from dated, sourced
        events; every sentence on a show page is written from the catalogue, so pages stay current without rewriting.
      </p>
      <h2 id="forecasts">How forecasts work</h2>
      <p>
        A forecast is a survival model of the wait from one season's premiere to the next, month by month: the chance that the next season
        arrives in a given month, if it has not yet, depends on how long the show has waited, its platform, its season number, its era and
        its genres. Shows still waiting count only for the months they have been seen waiting. The model starts from what TV dramas did from
        1990 to 2018 (The Economist's IMDb season data) and learns from this catalogue. A renewal, a cancellation or an announced date
        changes the forecast: a cancelled show keeps only a small chance of revival; a renewed one is timed by how long renewals have taken
        to reach the screen; a dated one by its date.
      </p>
      <p>
        Forecasts are checked by replaying history: at the start of every month since 2019, the model forecasts every show from what was
        known that day, and the forecasts are scored against what happened. The scores and the baselines they beat are published with the
        source code (FORECASTS.md).
      </p>
      <h2 id="comments">Comments</h2>
      <p>
        Anyone may comment on a show or one of its seasons. Your email address is never shown to anyone: not on a page, in a feed or in the
        API. We use it only to recognise you once a moderator has approved your first comment (after that, yours appear at once) and, if you
        ask and confirm, to tell you about replies; every such mail has a link that stops them. Your IP address is kept for 90 days against
        spam, then forgotten.
      </p>
      <p>
        Moderators remove spam, abuse, and spoilers not marked as such; they may correct a comment, which then says “edited by a moderator”.
        Use “Report” under a comment to ask them to look. Links in comments carry <code>rel="nofollow ugc"</code>, so posting links here
        does nothing for search rankings.
      </p>
      <h2>Data and credits</h2>
      <ul>
        <li>Starter catalogue: facts written down by our editors, each with the source it came from.</li>
        <li>
          <a href="https://www.tvmaze.com/api">TVmaze</a>: show, season and episode data, licensed{' '}
          <a href="https://creativecommons.org/licenses/by-sa/4.0/">CC BY-SA 4.0</a>.
        </li>
        <li>
          The Economist, “TV’s golden age is real” (2018): IMDb-derived season ratings, licensed{' '}
          <a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>; the ratings themselves come from IMDb.
        </li>
        <li>“Netflix Movies and TV Shows” (Kaggle, Shivam Bansal, 2021): the Netflix catalogue, published as CC0.</li>
      </ul>
    </>
  );
}
