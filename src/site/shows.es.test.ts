import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import { buildApp } from '../server.ts';

const SITE = 'https://nextseason.test';

const text = (html: string) =>
  html
    .replace(/<script.*?<\/script>/gs, '')
    .replace(/<svg.*?<\/svg>/gs, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

describeEachEngine(
  'show pages in Spanish',
  (db) => {
    const app = () => buildApp({ db: db(), siteUrl: SITE, now: () => TEST_NOW });

    it('answers in Spanish under /es, with the same slugs, and links each language to the other', async () => {
      const res = await app().request('/es/shows/somos');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/^<!doctype html><html lang="es">/);
      expect(html).toContain('<link rel="canonical" href="https://nextseason.test/es/shows/somos"/>');
      expect(html).toContain('<link rel="alternate" hreflang="en" href="https://nextseason.test/shows/somos"/>');
      expect(html).toContain('<link rel="alternate" hreflang="es" href="https://nextseason.test/es/shows/somos"/>');
      expect(html).toContain('<link rel="alternate" hreflang="x-default" href="https://nextseason.test/shows/somos"/>');
      expect(html).toContain('<meta property="og:image" content="https://nextseason.test/es/shows/somos/card.png"/>');
      expect(html).toMatch(/<a href="\/shows\/somos" hreflang="en" lang="en" class="lang-switch">English<\/a>/);
      const page = text(html);
      expect(page).toContain('Somos. temporada 2: ¿habrá, y cuándo? | Next Season');
      expect(page).toContain('Somos. es un drama de crimen de México; se estrenó completo en Netflix el 30 de junio de 2021.');
      expect(page).toContain('¿Habrá temporada 2?');
      expect(page).toContain('¿Cuándo se estrena la temporada 2?');
      expect(page).toContain('¿Cuántas temporadas hay?');
      expect(page).toContain('Por ahora hay una temporada de Somos.');
      expect(html).toMatch(/<a href="#comments" id="comment-count">0 comentarios<\/a>/);
      expect(page).not.toMatch(/\bSeason \d|Will there be|Latest updates/);
      // Links stay in Spanish.
      expect(html).toContain('href="/es/platforms/netflix"');
      expect(html).toContain('href="/es/shows/somos/feed.xml"');
      const english = await (await app().request('/shows/somos')).text();
      expect(english).toMatch(/^<!doctype html><html lang="en">/);
      expect(english).toMatch(/<a href="\/es\/shows\/somos" hreflang="es" lang="es" class="lang-switch">Español<\/a>/);
    });

    it('calls a Spanish-language show by its original title on the Spanish page', async () => {
      const es = text(await (await app().request('/es/shows/who-killed-sara')).text());
      expect(es).toMatch(/¿Quién mató a Sara\? temporada \d+: ¿habrá, y cuándo\?/);
      expect(es).toContain('Título en inglés: Who Killed Sara?');
      const en = text(await (await app().request('/shows/who-killed-sara')).text());
      expect(en).toContain('Original title: ¿Quién mató a Sara?');
    });

    it('keeps Spanish pages in their own cache entries: a cached English page never answers a Spanish path', async () => {
      const a = app();
      const first = await (await a.request('/shows/somos')).text();
      const es = await (await a.request('/es/shows/somos')).text();
      expect(first).toContain('lang="en"');
      expect(es).toContain('lang="es"');
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
  },
);
