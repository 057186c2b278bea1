import { answersEs } from './answers.es.ts';
import { cardEs } from './card.es.ts';
import type { en } from './en.ts';
import { forecastEs } from './forecast.es.ts';
import { pagesEs } from './pages.es.ts';
import { siteEs } from './site.es.ts';

export const es: Record<keyof typeof en, string> = { ...answersEs, ...forecastEs, ...siteEs, ...pagesEs, ...cardEs };
