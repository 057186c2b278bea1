// The share card of a show (its og:image), in English.
export const cardEn = {
  'card.question': 'Will there be a season {n}?',
  'card.odds': 'Chance within a year: {p365}',
  'card.brand': 'Next Season',
  'card.alt': '{title}: will there be a season {n}? {said}.',
};
