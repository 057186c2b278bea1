import type { forecastEn } from './forecast.en.ts';

// El pronóstico y sus pruebas, en español.
export const forecastEs: Record<keyof typeof forecastEn, string> = {
  'forecast.noSeason':
    'El catálogo aún no tiene ninguna temporada de {title} con fecha, así que no hay de dónde partir: el pronóstico aparece en cuanto se conoce una fecha de estreno.',
  'forecast.cohort':
    'De {shows} series {group, select, platform {de {name} } kind {de {name} } other {}}del catálogo con la {n, plural, =1 {primera temporada} other {{which} temporada}} ya estrenada, {returned} han tenido una {next} hasta ahora{waiting, plural, =0 {} one { y # sigue esperando} other { y # siguen esperando}}{median, select, none {} other {; en esos casos, la espera mediana fue de {months, plural, one {un mes} other {{monthsWord} meses}}}}.',
  'forecast.noCohort':
    'El catálogo tiene demasiado pocas series comparables para citar un historial equivalente, así que el modelo se apoya en su punto de partida, aprendido de dramas de televisión de 1990 a 2018.',
  'forecast.ended': 'Con la serie terminada, el modelo solo da un {pNext} de probabilidad a un regreso en los próximos seis años.',
  'forecast.dated':
    'Hay una fecha anunciada, así que el modelo da un {p365} a un estreno en el plazo de un año, contando con algún retraso ocasional.',
  'forecast.renewed':
    '{title} está renovada{on, select, none {} other { ({on})}}; las renovaciones casi siempre se cumplen, así que la probabilidad de una temporada {next} es del {pNext}.',
  'forecast.waiting':
    '{title} lleva {months, plural, one {un mes} other {{monthsWord} meses}} esperando desde la temporada {n} sin ningún anuncio, así que el modelo da a una temporada {next} un {pNext} de probabilidad en seis años: un {p365} en un año y un {p730} en dos.',
  'forecast.top10':
    'La temporada {season} pasó {weeks, plural, one {una semana} other {{weeksWord} semanas}} en el Top 10 mundial de Netflix (series {english, select, yes {en inglés} other {de habla no inglesa}}), con su mejor puesto, el n.º {rank}, en la semana que terminó el {week} (lista publicada por Netflix el {published}).',
  'forecast.top10Odds':
    'El modelo cuenta las semanas de una temporada en el Top 10 durante su primer mes: da a una temporada así un {pEver} de probabilidad de tener continuación, frente a un {pUncharted} si nunca hubiera entrado en la lista.',
  'forecast.dates': 'Si llega, la fecha más probable ronda el {p50}; hay un 80 % de probabilidad de que caiga entre el {p10} y el {p90}.',
  'forecast.noClock':
    'Hay demasiado pocas series registradas que hayan esperado tanto sin una decisión como para decir cuánto suele tardar en llegar.',
  'forecast.clock':
    'Las series aún sin decisión tanto tiempo después de un estreno la han recibido en menos de 90 días el {within90} de las veces (en 30 días: {within30}; en 180 días: {within180}; a partir de {decisions} decisiones registradas).',
  'forecast.claim':
    '«{platform} suele decidir en tres meses»: de sus {decisions} renovaciones y cancelaciones registradas tras el estreno de una temporada, el {within90} llegó en menos de 90 días.',
  'forecast.episodes':
    'Episodios: otra vez {last}, {same}; menos, {fewer}; más, {more} (a partir de {pairs} pares de temporadas consecutivas de {from}).',
  'forecast.episodesFrom':
    '{kind, select, streaming {series de plataformas de streaming del catálogo} cable {series de cable del catálogo} broadcast {series de cadenas en abierto del catálogo} other {series del catálogo}}',
  'forecast.noEpisodes':
    'Hay muy pocos datos sobre el número de episodios de series comparables para decir cuánto durará la próxima temporada.',
  'forecast.noCast': 'El catálogo aún no tiene repartos por temporada, así que no puede decir qué parte del reparto suele volver.',
  'forecast.kind':
    '{kind, select, streaming {plataformas de streaming} cable {cadenas de cable} broadcast {cadenas en abierto} other {otras cadenas}}',

  'chart.title': 'Probabilidad de que la temporada {season} de {title} se haya estrenado, por fecha',
  'chart.rises': 'La probabilidad sube al {p365} en un año y al {p730} en dos; intervalo del 80 %: del {p10} al {p90}, mediana el {p50}.',
  'chart.flat': 'La probabilidad se queda en el {p730} o menos en dos años.',
};
