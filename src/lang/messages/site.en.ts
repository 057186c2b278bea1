// The site's frame and its show pages, in English.
export const siteEn = {
  'layout.skip': 'Skip to content',
  'layout.nav': 'Site',
  'layout.browse': 'Browse',
  'layout.calendar': 'Calendar',
  'layout.scoreboard': 'Netflix scoreboard',
  'layout.otherLanguage': 'Español',
  'layout.searchShows': 'Search shows',
  'layout.search': 'Search',
  'layout.footer':
    'Next Season answers “will there be another season, and when?” from sourced facts. Catalogue data from our editors, with data from <tvmaze>TVmaze</tvmaze> (CC BY-SA 4.0), The Economist (CC BY 4.0) and IMDb; Top 10 and engagement figures published by Netflix. <about>About and data credits</about>.',
  'site.name': 'Next Season',
  'site.tagline': 'Next Season: will there be another season, and when?',
  'site.description': 'Renewal status, release dates and sourced updates for TV series.',

  'error.notFoundTitle': 'Not found',
  'error.notFoundDescription': 'This page does not exist.',
  'error.notFound': 'There is no page at <path></path>. Try <search>searching for the show</search>, or go to the <home>front page</home>.',
  'error.serverTitle': 'Something went wrong',
  'error.server': 'The page could not be shown. The error has been logged; please try again in a moment.',
  'error.unavailableTitle': 'Back in a moment',
  'error.unavailable': 'Next Season cannot reach its database just now. Please try again in {seconds} seconds.',
  'error.unsaved': 'Your comment was not saved.',
  'error.unsavedCopy': 'Here is what you wrote, so you can copy it and send it again:',
  'error.yourComment': 'Your comment',
};
