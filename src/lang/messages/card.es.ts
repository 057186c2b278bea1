import type { cardEn } from './card.en.ts';

// La tarjeta para compartir de una serie (su og:image), en español.
export const cardEs: Record<keyof typeof cardEn, string> = {
  'card.question': '¿Habrá temporada {n}?',
  'card.odds': 'Probabilidad en un año: {p365}',
  'card.brand': 'Next Season',
  'card.alt': '{title}: ¿habrá temporada {n}? {said}.',
};
