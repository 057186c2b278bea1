import { describe, expect, it } from 'vitest';
import { deriveStatus, type StatusEvent } from '../status/status.rules.ts';
import { event, season, show } from '../testing/show.fixtures.ts';
import { popularitySentences } from './popularity.rules.ts';
import { nextSeasonAnswer, seasonsAnswer, summary, whenAnswer } from './show.answers.ts';
import type { SeasonRow, ShowRow } from './shows.queries.ts';
import { similarShows } from './similar.rules.ts';

// The same answers as show.answers.test.ts, as a Spanish reader gets them.

const TODAY = '2026-11-25';

function respuesta(s: ShowRow, seasons: SeasonRow[], events: StatusEvent[]) {
  const status = deriveStatus({ seasons: seasons.map((x) => ({ number: x.number, premiere: x.premiere })), events, today: TODAY });
  return {
    next: nextSeasonAnswer({ show: s, seasons, status, today: TODAY, lang: 'es' }),
    when: whenAnswer({ show: s, status, today: TODAY, lang: 'es' }),
    seasons: seasonsAnswer({ show: s, seasons, status, lang: 'es' }),
  };
}

describe('las respuestas en español', () => {
  it.each<[string, StatusEvent[], string, string, string]>([
    [
      'renovada, sin fecha',
      [event('renewed', 2, '2024-05-01')],
      'Sí',
      'Netflix renovó Example por una segunda temporada el 1 de mayo de 2024.',
      'Sin anunciar: Netflix renovó Example, pero no ha dado fecha para la temporada 2.',
    ],
    [
      'renovada, con fecha anunciada a un año',
      [event('renewed', 2, '2024-05-01'), event('date_announced', 2, '2026-01', '2027')],
      'Sí',
      'Netflix renovó Example por una segunda temporada el 1 de mayo de 2024.',
      'La temporada 2 se estrena en 2027 en Netflix.',
    ],
    [
      'cancelada',
      [event('cancelled', 1, '2023-01-02')],
      'No',
      'Netflix canceló Example el 2 de enero de 2023, tras una temporada.',
      'No habrá temporada 2.',
    ],
    [
      'serie limitada',
      [event('limited', 1, '2020-01-10')],
      'No',
      'Example se hizo como serie limitada: su historia se cuenta entera en una temporada.',
      'No habrá temporada 2.',
    ],
    [
      'última temporada en camino',
      [event('ended', 2, '2024-04')],
      'Sí',
      'La temporada 2 está en camino, y será la última: Netflix anunció en abril de 2024 que es la temporada final.',
      'Sin anunciar: Netflix renovó Example, pero no ha dado fecha para la temporada 2.',
    ],
  ])('%s', (_name, events, said, sentence, when) => {
    const r = respuesta(show(), [season(1, '2020-01-10')], events);
    expect(r.next.said).toBe(said);
    expect(r.next.sentence).toBe(sentence);
    expect(r.when).toBe(when);
  });

  it('dice cuánto tiempo lleva esperando una serie sin decisión, con la fecha de la última comprobación', () => {
    const r = respuesta(show(), [season(1, '2023-06-30')], []);
    expect(r.next.said).toBe('Aún sin decidir');
    expect(r.next.sentence).toBe(
      'Netflix no ha renovado ni cancelado Example. Han pasado 3 años y 4 meses desde que la temporada 1 se estrenó el 30 de junio de 2023, sin ningún anuncio según la última comprobación, del 1 de enero de 2026.',
    );
    expect(r.seasons).toBe('Por ahora hay una temporada de Example.');
  });

  it('cuenta temporadas y episodios con palabras y concuerda el género de la serie', () => {
    const somos = show({ title: 'Somos.', country: 'MX', language: 'es', genres: ['Crime', 'Drama'] });
    const seasons = [season(1, '2021-06-30', 6)];
    const status = deriveStatus({ seasons: seasons.map((x) => ({ number: x.number, premiere: x.premiere })), events: [], today: TODAY });
    expect(summary({ show: somos, seasons, credits: [], status, lang: 'es' })).toBe(
      'Somos. es un drama de crimen de México; se estrenó completo en Netflix el 30 de junio de 2021. Tiene una temporada de seis episodios.',
    );
    const doc = show({ title: 'Planeta', type: 'documentary', language: 'en', country: 'GB', genres: ['Nature'] });
    const two = [season(1, '2019-04-05', 8), season(2, '2023-06-01', 7, 'weekly')];
    const docStatus = deriveStatus({ seasons: two.map((x) => ({ number: x.number, premiere: x.premiere })), events: [], today: TODAY });
    expect(summary({ show: doc, seasons: two, credits: [], status: docStatus, lang: 'es' })).toBe(
      'Planeta es una serie documental en inglés de Reino Unido; se estrenó completa en Netflix el 5 de abril de 2019. Tiene dos temporadas y 15 episodios.',
    );
    expect(seasonsAnswer({ show: doc, seasons: two, status: docStatus, lang: 'es' })).toBe(
      'Por ahora hay dos temporadas de Planeta; la más reciente, la temporada 2, se estrenó el 1 de junio de 2023.',
    );
  });

  it('da por terminada una serie callada más de cuatro años', () => {
    const old = [season(1, '2016-03-01')];
    const status = deriveStatus({ seasons: old.map((x) => ({ number: x.number, premiere: x.premiere })), events: [], today: TODAY });
    const answer = nextSeasonAnswer({ show: show(), seasons: old, status, today: TODAY, lang: 'es' });
    expect(answer.said).toBe('Probablemente no');
    expect(answer.sentence).toBe(
      'No hay temporada nueva desde 2016 y Netflix no ha dicho nada: lo más probable es que Example haya terminado.',
    );
    expect(whenAnswer({ show: show(), status, today: TODAY, lang: 'es' })).toBe(
      'No se espera una temporada 2: en más de cuatro años no se ha estrenado ninguna temporada nueva, y no hay ninguna anunciada.',
    );
  });

  it('escribe las cifras de Netflix con números y fechas en español', () => {
    const [s1] = popularitySentences(
      {
        weeks: [
          { season: 1, week: '2021-07-04', list: 'TV (Non-English)', rank: 5, hours: 11_510_000 },
          { season: 1, week: '2021-07-11', list: 'TV (Non-English)', rank: 10, hours: 9_420_000 },
        ],
        reports: [{ season: 1, period: '2023-H2', hours: 11_500_000, views: 600_000 }],
      },
      'es',
    );
    expect(s1?.sentence).toBe(
      'Temporada 1: 2 semanas en el Top 10 mundial de Netflix (series de habla no inglesa), con su mejor puesto, el n.º 5, en la semana que terminó el 4 de julio de 2021; 11,5 millones de horas vistas en julio–diciembre de 2023.',
    );
  });

  it('explica por qué una serie se parece a otra', () => {
    const somos = show({ id: 1, title: 'Somos.', country: 'MX', language: 'es', genres: ['Crime', 'Drama'] });
    const elite = show({ id: 2, slug: 'elite', title: 'Elite', country: 'ES', language: 'es', genres: ['Crime', 'Drama'] });
    const [match] = similarShows({ show: somos, candidates: [elite], lang: 'es' });
    expect(match?.reason).toBe('también un drama de crimen en español, en Netflix');
  });
});
