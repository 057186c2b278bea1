import { answersEn } from './answers.en.ts';
import { cardEn } from './card.en.ts';
import { forecastEn } from './forecast.en.ts';
import { pagesEn } from './pages.en.ts';
import { siteEn } from './site.en.ts';

export const en = { ...answersEn, ...forecastEn, ...siteEn, ...pagesEn, ...cardEn };
