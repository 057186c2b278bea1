import type { siteEn } from './site.en.ts';

// El marco del sitio y las páginas de series, en español.
export const siteEs: Record<keyof typeof siteEn, string> = {
  'layout.skip': 'Ir al contenido',
  'layout.nav': 'Sitio',
  'layout.browse': 'Explorar',
  'layout.calendar': 'Calendario',
  'layout.scoreboard': 'Marcador de Netflix',
  'layout.otherLanguage': 'English',
  'layout.searchShows': 'Buscar series',
  'layout.search': 'Buscar',
  'layout.footer':
    'Next Season responde a «¿habrá otra temporada, y cuándo?» con hechos citados. Datos del catálogo de nuestros editores, con datos de <tvmaze>TVmaze</tvmaze> (CC BY-SA 4.0), The Economist (CC BY 4.0) e IMDb; cifras del Top 10 y de audiencia publicadas por Netflix. <about>Acerca de y créditos de los datos</about>.',
  'site.name': 'Next Season',
  'site.tagline': 'Next Season: ¿habrá otra temporada, y cuándo?',
  'site.description': 'Estado de renovación, fechas de estreno y novedades con fuentes de series de televisión.',

  'error.notFoundTitle': 'Página no encontrada',
  'error.notFoundDescription': 'Esta página no existe.',
  'error.notFound': 'No hay ninguna página en <path></path>. Prueba a <search>buscar la serie</search> o vuelve a la <home>portada</home>.',
  'error.serverTitle': 'Algo salió mal',
  'error.server': 'No se pudo mostrar la página. El error ha quedado registrado; vuelve a intentarlo en un momento.',
  'error.unavailableTitle': 'Volvemos enseguida',
  'error.unavailable': 'Next Season no puede conectar con su base de datos en este momento. Vuelve a intentarlo dentro de {seconds} segundos.',
  'error.unsaved': 'Tu comentario no se ha guardado.',
  'error.unsavedCopy': 'Esto es lo que escribiste, para que puedas copiarlo y enviarlo de nuevo:',
  'error.yourComment': 'Tu comentario',
};
