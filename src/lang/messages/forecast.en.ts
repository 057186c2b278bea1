// The forecast and its evidence, in English.
export const forecastEn = {
  'forecast.noSeason':
    'The catalogue has no dated season of {title} yet, so there is nothing to forecast from: the forecast appears once a premiere date is known.',
  'forecast.cohort':
    'Of {shows} {group, select, platform {{name} shows} kind {{name} shows} other {shows}} in the catalogue whose {n, plural, =1 {first season} other {{which} season}} is out, {returned} have had a {next} so far{waiting, plural, =0 {} one { and # is still waiting} other { and # are still waiting}}{median, select, none {} other {; for those, the median wait was {months, plural, one {one month} other {{monthsWord} months}}}}.',
  'forecast.noCohort':
    'The catalogue has too few comparable shows to quote a like-for-like record, so the model leans on its prior, learned from TV dramas of 1990–2018.',
  'forecast.ended': 'With the series over, the model allows only a {pNext} chance of a revival within six years.',
  'forecast.dated': 'A date has been announced, so the model puts {p365} on a premiere within a year, allowing for the occasional slip.',
  'forecast.renewed':
    '{title} has been renewed{on, select, none {} other { ({on})}}; renewals are almost always honoured, so the chance of season {next} is {pNext}.',
  'forecast.waiting':
    '{title} has waited {months, plural, one {one month} other {{monthsWord} months}} since season {n} with no announcement, so the model puts the chance of a season {next} at {pNext} within six years: {p365} within a year and {p730} within two.',
  'forecast.top10':
    'Season {season} spent {weeks, plural, one {one week} other {{weeksWord} weeks}} in Netflix’s global Top 10 ({english, select, yes {English} other {non-English}} TV), its best at No. {rank} in the week to {week} (list published by Netflix on {published}).',
  'forecast.top10Odds':
    'The model counts a season’s weeks in the Top 10 in its first month: it puts the chance that a season like this ever gets a next one at {pEver}, against {pUncharted} had it never charted.',
  'forecast.dates': 'If it comes, the likeliest date is around {p50}; there is an 80% chance it falls between {p10} and {p90}.',
  'forecast.noClock': 'Too few shows on record have waited this long without a decision to say how soon one usually comes.',
  'forecast.clock':
    'Shows still undecided this long after a premiere have got a decision within 90 days {within90} of the time (within 30 days: {within30}; 180 days: {within180}; from {decisions} decisions on record).',
  'forecast.claim':
    '“{platform} usually decides within three months”: of its {decisions} renewals and cancellations on record that came after a season’s premiere, {within90} came within 90 days.',
  'forecast.episodes': 'Episodes: {last} again {same}, fewer {fewer}, more {more} (from {pairs} consecutive seasons of {from}).',
  'forecast.episodesFrom': '{kind, select, unknown {shows in the catalogue} other {{kind} shows in the catalogue}}',
  'forecast.noEpisodes': 'There is too little data on episode counts of comparable shows to say how long the next season will be.',
  'forecast.noCast': 'The catalogue has no per-season cast lists yet, so it cannot say how much of the cast usually returns.',
  'forecast.kind': '{kind, select, streaming {streaming} cable {cable} broadcast {broadcast} other {other}}',

  'chart.title': 'Chance that season {season} of {title} has premiered, by date',
  'chart.rises': 'Probability rises to {p365} within a year and {p730} within two; 80% interval {p10} to {p90}, median {p50}.',
  'chart.flat': 'Probability stays at {p730} or less over two years.',
};
