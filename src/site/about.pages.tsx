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
        A forecast answers two questions separately: will the show ever get another season, and if it does, when? The first is a logistic
        model of the season: its number, platform and kind of platform, era, show type, language, whether it was a limited series, the
        show’s own last gap between seasons and, on Netflix, its weeks in the global Top 10 in its first month (each week used only from the
        day Netflix published it). The second is a survival model of the wait from one premiere to the next, month by month, that also knows
        when a wait ran into an industry-wide stoppage (the 2020 shutdown, the 2023 strikes). A show still waiting counts partly in each
        group, by how likely it is still to return after waiting so long. A renewal, a cancellation or an announced date changes the
        forecast: a cancelled show keeps only a small chance of revival; a renewed one is timed by how long renewals have taken to reach the
        screen; a dated one by its date. The model starts from what TV dramas did from 1990 to 2018 (The Economist’s IMDb season data) and
        learns from this catalogue, recent seasons counting more.
      </p>
      <p>
        Forecasts are checked by replaying history: each season is asked once at fixed points, using only what was known that day, and
        scored against the base rate and rules that can say “no”. <a href="/about/forecasts">How good the forecasts are</a>, with the
        figures, including where they fall short.
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
      <h2 id="alerts">Alerts</h2>
      <p>
        Follow a show, a platform or the whole site by email (no account) or, for developers, by webhook. An address gets alerts only after
        it confirms them with a button on the page its confirmation mail links to; a day holds at most three such mails per address and
        twenty per network. Every alert has a one-click unsubscribe and a link to a page where you see and change all you follow, or leave:
        leaving deletes your address, your follows and any alert still queued for you.
      </p>
      <p>
        Your address or webhook URL is shown to you alone: never on a page, in a feed, in our logs or to anyone else through the API.
        Webhook URLs must reach the public internet. An address never confirmed is deleted after a week; the network you asked from is
        forgotten after 90 days; delivered alerts, and stopped endpoints with their URL and secret, after 90 days too.
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
        <li>Netflix: the weekly global Top 10 (top10.netflix.com) and the “What We Watched” engagement reports.</li>
      </ul>
    </>
  );
}
