import type { pagesEn } from './pages.en.ts';

export const pagesEs: Record<keyof typeof pagesEn, string> = {};
