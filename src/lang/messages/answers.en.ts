// Dates, durations and the answers on a show's page, in English.
export const answersEn = {
  'date.unknown': 'date unknown',
  'date.quarter': 'Q{quarter} {year} ({first}–{last})',
  'date.on': '{precision, select, day {on {date}} unknown {on a date not yet known} other {in {date}}}',
  'duration.days': '{days, plural, one {# day} other {# days}}',
  'duration.months':
    '{years, plural, =0 {{months, plural, one {# month} other {# months}}} one {# year{months, plural, =0 {} one { and # month} other { and # months}}} other {# years{months, plural, =0 {} one { and # month} other { and # months}}}}',

  'verdict.Yes': 'Yes',
  'verdict.No': 'No',
  'verdict.Not decided yet': 'Not decided yet',
  'verdict.Most likely not': 'Most likely not',
  'verdict.Coming': 'Coming',

  'summary.intro':
    '{title} is {article} {language, select, none {} other {{language}-language }}{kind}{from, select, none {} other { from {from}}}, {released, select, yes {released} other {premiered}}{platform, select, none {} other { on {platform}}} {on}.',
  'summary.unknownPlatform': 'The catalogue does not record which network or service makes it.',
  'summary.seasons':
    '{seasons, plural, one {It has one season{counted, select, yes { of {episodes, plural, one {one episode} other {{episodesWord} episodes}}} other {}}.} other {It has {seasonsWord} seasons{counted, select, yes { and {episodes, number, ::group-off} episodes} other {}}.}}',
  'summary.created': 'It was created by {creators}{basis, select, none {} other {, based on {basis}}}.',
  'summary.basedOn': 'It is based on {basis}.',
  'summary.directed': 'Directed by {directors}{more, select, yes { and others} other {}}.',

  'seasons.none': 'No season of {title} has come out yet.',
  'seasons.count':
    '{seasons, plural, one {There is one season of {title} so far.} other {There are {seasonsWord} seasons of {title} so far; the latest, season {latest}, came out {on}.}}',
  'seasons.announced': '{count, plural, one {Season {numbers} is announced.} other {Seasons {numbers} are announced.}}',

  'next.upcoming': '{title} has not come out yet; season 1 is expected {on}.',
  'next.renewed':
    '{by, select, none {{title} was renewed} other {{by} renewed {title}}} for a {ordinal} season{on, select, none {} other { {on}}}.{final, select, yes { It will be the final season.} other {}}',
  'next.finalComing':
    'Season {n} is coming, and it will be the last: {by, select, none {it was} other {{by}}} announced{on, select, none {} other { {on}}} that it is the final season.',
  'next.dated': 'Season {n} has a premiere date, so it is coming.',
  'next.cancelled':
    '{by, select, none {{title} was cancelled} other {{by} cancelled {title}}}{on, select, none {} other { {on}}}, after {seasons, plural, one {one season} other {{seasonsWord} seasons}}.',
  'next.ended': '{title} has ended: season {latest} was the final season, as announced{on, select, none {} other { {on}}}.',
  'next.limited':
    '{title} was made as a limited series: its story is complete in {seasons, plural, one {one season} other {{seasonsWord} seasons}}.',
  'next.dormant':
    '{year, select, none {No new season for years} other {No new season since {year}}} and {by, select, none {no decision on record} other {no word from {by}}}: {title} is most likely over.',
  'next.undecided':
    '{by} has neither renewed nor cancelled {title}. {since}, with no announcement{checked, select, none {} other { as of the last check on {checked}}}.',
  'next.undecidedUnknown': 'No renewal or cancellation of {title} is on record. {since}.',
  'since.outBy': 'Season {n} was out by {date}; its premiere date is not known',
  'since.unknown': 'Its latest season came out on a date we do not know',
  'since.anchor': 'It has been {duration} since season {n} {ended, select, yes {ended} other {came out}} {on}',

  'when.none': 'There will be no season {n}.',
  'when.dormant':
    'No season {n} is expected: no new season has come out in over {years, plural, one {one year} other {{yearsWord} years}}, and none is announced.',
  'when.passed':
    'Season {n} was scheduled for {date}{platform, select, none {} other { on {platform}}}; its release is not recorded here yet.',
  'when.comes': 'Season {n} comes out {on}{platform, select, none {} other { on {platform}}}.',
  'when.renewedNoDate':
    '{by, select, none {Not announced: {title} has been renewed, but no date for season {n} has been given.} other {Not announced: {by} has renewed {title} but has not given a date for season {n}.}}',
  'when.undecided':
    '{by, select, none {Not announced: there is no release date for season {n}, because no decision to make it is on record.} other {Not announced: there is no release date for season {n}, because {by} has not decided whether to make it.}}',
  'when.gap':
    'No forecast yet: the model needs the premiere date of season {n} of {title}, which the catalogue does not have{outBy, select, none {} other { (it was out by {outBy})}}.',

  'similar.reason':
    'also {kind, select, none {{where}} other {{article} {language, select, none {} other {{language}-language }}{kind}{where, select, none {} other { {where}}}}}',
  'similar.from': 'from {country}',
  'similar.on': 'on {platform}',
  'similar.era': 'from the same years',

  'popularity.season': 'Season {season}: {parts}.',
  'popularity.weeks':
    "{weeks, plural, one {# week} other {# weeks}} in Netflix's global Top 10 ({lists}), peaking at #{rank} in the week to {week}",
  'popularity.list': '{list, select, nonEnglish {TV, non-English} other {TV, English}}',
  'popularity.hours': '{amount}{first, select, yes { hours viewed} other {}} in {period}',
  'popularity.period': '{half, select, H1 {January–June} H2 {July–December} other {{half}}} {year}',
};
