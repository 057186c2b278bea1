import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from '../db/testing.ts';
import { importStarterCatalogue } from '../importers/starter/starter.import.ts';
import { loadStarterCatalogue } from '../importers/starter/starter.load.ts';
import type { MailSender } from '../mail/sender.ts';
import { buildSite } from '../server.ts';

// The catalogue's other public pages in Spanish under /es, over real HTTP on the starter catalogue: their
// headings, dates, numbers and status labels in Spanish, their links to Spanish pages, and the same pages at
// their plain paths still in English.

const idle: MailSender = { poke: () => {}, flush: async () => {}, stop: () => {} };

/** The page's text as a reader sees it: no tags, entities decoded, spaces collapsed. */
function text(html: string): string {
  return html
    .replace(/<style>.*?<\/style>/gs, '')
    .replace(/<script.*?<\/script>/gs, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

describeEachEngine(
  'public pages in Spanish',
  (db) => {
    let server: Server;
    let base: string;

    beforeAll(async () => {
      const { listener } = buildSite({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW, mail: idle });
      server = createServer(listener).listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
    });

    async function get(path: string) {
      const res = await fetch(`${base}${path}`);
      const html = await res.text();
      return { status: res.status, html, page: text(html) };
    }

    it('browse: Spanish filters, status labels, counts and paging, with links to Spanish pages', async () => {
      const { status, html, page } = await get('/es/browse');
      expect(status).toBe(200);
      expect(html).toContain('<html lang="es"');
      expect(html).toContain('<title>Explorar series | Next Season</title>');
      expect(html).toContain('<h1>Explorar series</h1>');
      expect(html).toContain('<form method="get" action="/es/browse" class="filters">');
      for (const label of ['Renovada', 'Cancelada', 'Serie limitada', 'Sin decisión aún', 'Probablemente terminada'])
        expect(html).toContain(`${label}</option>`);
      expect(html).toContain('>Ciencia ficción</option>');
      expect(page).toContain('51 series.');
      expect(page).toContain('Página 1 de 2');
      expect(html).toContain('<a href="/es/browse?page=2">Siguiente</a>');
      expect(html).toContain('<a href="/es/shows/1899">1899</a> <span class="badge status-cancelled">');

      const past = await get('/es/browse?page=100');
      expect(past.page).toContain('No hay página 100: la última es la página 2 .');
      const bad = await get('/es/browse?year=abc&status=x');
      expect(bad.status).toBe(400);
      expect(bad.page).toContain('Estado: elige uno de la lista; Año de estreno: debe ser un año entre 1900 y 2100');

      const english = await get('/browse');
      expect(english.html).toContain('<h1>Browse shows</h1>');
      expect(english.page).toContain('51 shows.');
      expect(english.html).toContain('>Renewed</option>');
    });

    it('calendar: Spanish months, weekdays and dates, kinds and links', async () => {
      const { status, html, page } = await get('/es/calendar?month=2026-03');
      expect(status).toBe(200);
      expect(html).toContain('<title>Calendario de estrenos, marzo de 2026 | Next Season</title>');
      expect(html).toContain('<h1>Calendario de estrenos</h1>');
      expect(html).toContain('<caption>Marzo de 2026</caption>');
      expect(html).toContain('<th scope="col">lun</th>');
      expect(html).toContain('<a href="/es/calendar.ics">Suscríbete (iCalendar)</a>');
      expect(html).toContain('<option value="">todos menos noticias y entrevistas</option>');
      expect(page).toContain('Se omiten los programas diarios de noticias y entrevistas; elige un tipo para verlos.');
      expect(html).toContain('<h2>Marzo de 2026, día a día</h2>');
      expect(html).toContain('<h3>10 de marzo de 2026</h3>');
      expect(html).toContain('<a href="/es/shows/one-piece">One Piece</a>, temporada 2');
      expect(html).toContain('<a href="/es/calendar?month=2026-04">Abril de 2026 →</a>');
      expect(html).toContain('<h2>Más adelante (con trimestre o año anunciado)</h2>');

      const bad = await get('/es/calendar?kind=soap&day=2024-02-30');
      expect(bad.status).toBe(400);
      expect(bad.page).toContain('Día: debe ser una fecha real con la forma AAAA-MM-DD; Tipo: elige uno de la lista');

      const english = await get('/calendar?month=2026-03');
      expect(english.html).toContain('<h1>Premiere calendar</h1>');
      expect(english.html).toContain('<h3>10 March 2026</h3>');
      expect(english.html).toContain('<a href="/shows/one-piece">One Piece</a>, season 2');
    });

    it('scoreboard: Spanish headings and status groups, decision times, Top 10 fates, feeds and the follow form', async () => {
      const { status, html, page } = await get('/es/platforms/netflix');
      expect(status).toBe(200);
      expect(html).toContain('<title>Marcador de renovaciones de Netflix | Next Season</title>');
      expect(html).toContain('<h1>Netflix: marcador de renovaciones</h1>');
      expect(html).toContain('<th scope="col">Renovadas</th>');
      expect(html).toContain('<h2 id="h-renewed">Renovadas (5)</h2>');
      expect(page).toMatch(/Del estreno de una temporada a la decisión sobre la siguiente: una mediana de \d+ días/);
      expect(page).toContain('(75 %) llegaron en menos de 90 días.');
      expect(html).toContain('<h2 id="h-charted">Qué fue de las temporadas que entraron en el Top 10 de Netflix</h2>');
      expect(page).toContain(
        'De la única temporada que pasó de 1 a 4 semanas en el Top 10 mundial, aún no se ha decidido ninguna; 1 sigue a la espera de una decisión.',
      );
      expect(html).toContain('<a href="/es/platforms/netflix/feed.xml">RSS</a>');
      expect(html).toContain('<a href="/es/platforms/netflix/calendar.ics">calendario de estrenos</a>');
      expect(page).toContain('Te enviamos un correo cuando una serie de Netflix se renueve');
      expect(html).toContain('<form method="post" action="/es/follows" class="follow">');

      const english = await get('/platforms/netflix');
      expect(english.html).toContain('<h1>Netflix: renewal scoreboard</h1>');
      expect(english.page).toContain(
        'Of the one season that spent 1–4 weeks in the global Top 10, none has been decided yet; 1 still waits for a decision.',
      );
      expect(english.page).toContain('An email when a show on Netflix is renewed');
    });

    it('people: Spanish credits and roles', async () => {
      const paul = await get('/es/people/aaron-paul');
      expect(paul.status).toBe(200);
      expect(paul.page).toContain('Aparece en los créditos de 3 series del catálogo.');
      expect(paul.page).toContain('interpreta a Jesse Pinkman');
      expect(paul.html).toContain('<a href="/es/shows/breaking-bad">Breaking Bad</a>');
      expect(paul.html).toContain('<meta name="description" content="Las series de Aaron Paul y si cada una tendrá otra temporada:');
      expect((await get('/es/people/adam-mckay')).page).toContain('Aparece en los créditos de una serie del catálogo. Succession (2018)');

      const english = await get('/people/aaron-paul');
      expect(english.page).toContain('Credited on 3 shows in the catalogue.');
      expect(english.page).toContain('cast, as Jesse Pinkman');
    });

    it('about and forecast quality: every heading, table and figure in Spanish', async () => {
      const about = await get('/es/about');
      expect(about.html).toContain('<title>Acerca de y créditos de los datos | Next Season</title>');
      expect(about.html).toContain('<h1>Acerca de Next Season</h1>');
      expect(about.html).toContain('<h2 id="forecasts">Cómo funcionan los pronósticos</h2>');
      expect(about.html).toContain('<a href="/es/about/forecasts">Qué tan buenos son los pronósticos</a>');
      expect(about.page).toContain('con licencia CC BY-SA 4.0');

      const quality = await get('/es/about/forecasts');
      expect(quality.status).toBe(200);
      expect(quality.html).toContain('<h1>¿Qué tan buenos son los pronósticos?</h1>');
      expect(quality.page).toMatch(/mejora sobre la climatología a 365 días ≥ \+0,15 [+−]\d,\d\d (sí|no)/);
      expect(quality.page).toContain('datos completos hasta el 30 de junio de 2024');
      expect(quality.page).toMatch(/Sin decisión conocida, 45 días después de un estreno \(la pregunta del lector\): [\d.]+ casos/);
      expect(quality.page).toMatch(/modelo [+−]\d,\d\d \[[+−]\d,\d\d; [+−]\d,\d\d\]/);
      expect(quality.html).toContain('<th scope="row">menos de 12 meses</th>');
      expect(quality.html).toContain('>frecuencia observada</text>');
      expect(quality.html).toContain('>45 días después de un estreno</text>');
      expect(quality.page).not.toMatch(/\b(the|of|and|with|within|cases|shows)\b/);

      const english = await get('/about/forecasts');
      expect(english.html).toContain('<h1>How good are the forecasts?</h1>');
      expect(english.page).toMatch(/skill over climatology at 365 days ≥ \+0\.15 [+−]\d\.\d\d (yes|no)/);
      expect(english.html).toContain('>observed frequency</text>');
      expect((await get('/about')).html).toContain('<h1>About Next Season</h1>');
    });

    it('a show page in Spanish: its comments, follow form and Top 10 chart', async () => {
      const { html, page } = await get('/es/shows/somos?season=1&comment=held&mail=later');
      expect(html).toContain('<h2 id="comments">Comentarios (0 comentarios)</h2>');
      expect(page).toContain(
        '¡Gracias! Tu comentario está a la espera de un moderador y aparecerá aquí en cuanto se apruebe. Cuando se apruebe, te enviaremos por correo un enlace para confirmar los avisos de respuestas.',
      );
      expect(page).toContain('Aún no hay comentarios sobre la temporada 1. Escribe el primero.');
      expect(html).toContain('<a href="/es/shows/somos?season=1&amp;order=newest#comments">los más recientes primero</a>');
      expect(html).toContain('action="/es/shows/somos/comments"');
      expect(html).toContain('<a href="/es/shows/somos/comments/feed.xml">RSS</a>');
      expect(html).toContain('<a href="/es/about#comments">cómo funcionan los comentarios</a>');
      expect(html).toContain('<button type="submit">Publicar comentario</button>');
      expect(html).toContain('<option value="0.75">al menos el 75\u00a0%</option>');
      expect(page).toContain(
        'Temporada 1, puesto semanal en el Top 10 mundial de Netflix: n.º 5 en la semana que terminó el 4 de julio de 2021; n.º 10 en la semana que terminó el 11 de julio de 2021',
      );

      const english = await get('/shows/somos?season=1');
      expect(english.html).toContain('<h2 id="comments">Comments (0 comments)</h2>');
      expect(english.page).toContain('No comments about season 1 yet. Be the first.');
      expect(english.html).toContain('action="/shows/somos/comments"');
      expect(english.page).toContain("Season 1, weekly rank in Netflix's global Top 10: #5 in the week to 4 July 2021");
    });
  },
  async (db) => {
    await importStarterCatalogue(db, loadStarterCatalogue(), TEST_NOW);
    // Somos.'s two weeks in Netflix's Top 10 (non-English list), as Netflix published them.
    const { id } = await db.kysely.selectFrom('shows').select('id').where('slug', '=', 'somos').executeTakeFirstOrThrow();
    const week = (w: string, rank: number, weeks: number, published: string) => ({
      show_id: id,
      season_number: 1,
      week: w,
      list: 'TV (Non-English)',
      rank,
      hours: 10_000_000,
      views: null,
      weeks_in_top10: weeks,
      public_on: published,
      origin: 'netflix-top10',
    });
    await db.kysely
      .insertInto('season_top10_weeks')
      .values([week('2021-07-04', 5, 1, '2021-07-06'), week('2021-07-11', 10, 2, '2021-07-13')])
      .execute();
  },
);
