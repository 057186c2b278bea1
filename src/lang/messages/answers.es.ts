import type { answersEn } from './answers.en.ts';

// Las fechas, las duraciones y las respuestas de la página de una serie, en español.
export const answersEs: Record<keyof typeof answersEn, string> = {
  'date.unknown': 'fecha desconocida',
  'date.quarter': 'T{quarter} de {year} ({first}–{last})',
  'date.on': '{precision, select, day {el {date}} quarter {en el {date}} unknown {en una fecha aún desconocida} other {en {date}}}',
  'duration.days': '{days, plural, one {# día} other {# días}}',
  'duration.months':
    '{years, plural, =0 {{months, plural, one {# mes} other {# meses}}} one {# año{months, plural, =0 {} one { y # mes} other { y # meses}}} other {# años{months, plural, =0 {} one { y # mes} other { y # meses}}}}',

  'verdict.Yes': 'Sí',
  'verdict.No': 'No',
  'verdict.Not decided yet': 'Aún sin decidir',
  'verdict.Most likely not': 'Probablemente no',
  'verdict.Coming': 'Está en camino',

  'summary.intro':
    '{title} es {article} {kind}{language, select, none {} other { en {language}}}{from, select, none {} other { de {from}}}; {released, select, yes {se estrenó {feminine, select, yes {completa} other {completo}}} other {se estrenó}}{platform, select, none {} other { en {platform}}} {on}.',
  'summary.unknownPlatform': 'El catálogo no registra qué cadena o plataforma la produce.',
  'summary.seasons':
    '{seasons, plural, one {Tiene una temporada{counted, select, yes { de {episodes, plural, one {un episodio} other {{episodesWord} episodios}}} other {}}.} other {Tiene {seasonsWord} temporadas{counted, select, yes { y {episodes, number, ::group-off} episodios} other {}}.}}',
  'summary.created': 'Creación de {creators}{basis, select, none {} other {, a partir de {basis}}}.',
  'summary.basedOn': 'Se basa en {basis}.',
  'summary.directed': 'Dirección de {directors}{more, select, yes { y otros} other {}}.',

  'seasons.none': 'Aún no se ha estrenado ninguna temporada de {title}.',
  'seasons.count':
    '{seasons, plural, one {Por ahora hay una temporada de {title}.} other {Por ahora hay {seasonsWord} temporadas de {title}; la más reciente, la temporada {latest}, se estrenó {on}.}}',
  'seasons.announced': '{count, plural, one {Está anunciada la temporada {numbers}.} other {Están anunciadas las temporadas {numbers}.}}',

  'next.upcoming': '{title} aún no se ha estrenado; la temporada 1 se espera {on}.',
  'next.renewed':
    '{by, select, none {Se renovó {title}} other {{by} renovó {title}}} por una {ordinal} temporada{on, select, none {} other { {on}}}.{final, select, yes { Será la última temporada.} other {}}',
  'next.finalComing':
    'La temporada {n} está en camino, y será la última: {by, select, none {se anunció} other {{by} anunció}}{on, select, none {} other { {on}}} que es la temporada final.',
  'next.dated': 'La temporada {n} ya tiene fecha de estreno, así que está en camino.',
  'next.cancelled':
    '{by, select, none {Se canceló {title}} other {{by} canceló {title}}}{on, select, none {} other { {on}}}, tras {seasons, plural, one {una temporada} other {{seasonsWord} temporadas}}.',
  'next.ended': '{title} ha terminado: la temporada {latest} fue la última, según se anunció{on, select, none {} other { {on}}}.',
  'next.limited':
    '{title} se hizo como serie limitada: su historia se cuenta entera en {seasons, plural, one {una temporada} other {{seasonsWord} temporadas}}.',
  'next.dormant':
    '{year, select, none {Hace años que no hay temporada nueva} other {No hay temporada nueva desde {year}}} y {by, select, none {no consta ninguna decisión} other {{by} no ha dicho nada}}: lo más probable es que {title} haya terminado.',
  'next.undecided':
    '{by} no ha renovado ni cancelado {title}. {since}, sin ningún anuncio{checked, select, none {} other { según la última comprobación, del {checked}}}.',
  'next.undecidedUnknown': 'No consta ninguna renovación ni cancelación de {title}. {since}.',
  'since.outBy': 'La temporada {n} ya estaba disponible el {date}; no se conoce su fecha de estreno',
  'since.unknown': 'Su temporada más reciente se estrenó en una fecha que no conocemos',
  'since.anchor': 'Han pasado {duration} desde que la temporada {n} {ended, select, yes {terminó} other {se estrenó}} {on}',

  'when.none': 'No habrá temporada {n}.',
  'when.dormant':
    'No se espera una temporada {n}: en más de {years, plural, one {un año} other {{yearsWord} años}} no se ha estrenado ninguna temporada nueva, y no hay ninguna anunciada.',
  'when.passed': 'La temporada {n} estaba prevista {on}{platform, select, none {} other { en {platform}}}; su estreno aún no consta aquí.',
  'when.comes': 'La temporada {n} se estrena {on}{platform, select, none {} other { en {platform}}}.',
  'when.renewedNoDate':
    '{by, select, none {Sin anunciar: se renovó {title}, pero aún no hay fecha para la temporada {n}.} other {Sin anunciar: {by} renovó {title}, pero no ha dado fecha para la temporada {n}.}}',
  'when.undecided':
    '{by, select, none {Sin anunciar: no hay fecha de estreno para la temporada {n}, porque no consta ninguna decisión de hacerla.} other {Sin anunciar: no hay fecha de estreno para la temporada {n}, porque {by} no ha decidido si la hará.}}',
  'when.gap':
    'Aún no hay pronóstico: el modelo necesita la fecha de estreno de la temporada {n} de {title}, que el catálogo no tiene{outBy, select, none {} other { (ya estaba disponible el {outBy})}}.',

  'similar.reason':
    '{kind, select, none {también {where}} other {también {article} {kind}{language, select, none {} other { en {language}}}{where, select, none {} other {, {where}}}}}',
  'similar.from': 'de {country}',
  'similar.on': 'en {platform}',
  'similar.era': 'de los mismos años',

  'popularity.season': 'Temporada {season}: {parts}.',
  'popularity.weeks':
    '{weeks, plural, one {# semana} other {# semanas}} en el Top 10 mundial de Netflix ({lists}), con su mejor puesto, el n.º {rank}, en la semana que terminó el {week}',
  'popularity.list': '{list, select, nonEnglish {series de habla no inglesa} other {series en inglés}}',
  'popularity.hours': '{amount}{first, select, yes {{million, select, yes { de} other {}} horas vistas} other {}} en {period}',
  'popularity.period': '{half, select, H1 {enero–junio} H2 {julio–diciembre} other {{half}}} de {year}',
};
