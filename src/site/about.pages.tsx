export function AboutPage() {
  return (
    <>
      <h1>About Next Season</h1>
      <p>
        Next Season answers one question for every TV series: will there be another season, and when? Every status comes from dated, sourced
        events; every sentence on a show page is written from the catalogue, so pages stay current without rewriting.
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
