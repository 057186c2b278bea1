import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { loadShowView } from '../catalog/show.view.ts';
import { slugParam } from '../catalog/shows.params.ts';
import { speakerFor } from '../web/lang.context.ts';
import { shareCardOf, shareCardPng, shareCardSvg } from './share.card.ts';
import { notFound } from './shows.routes.tsx';

export function cardRoutes({ db, now, forecasts }: AppDeps) {
  return {
    // GET /shows/:slug/card.png, /es/shows/:slug/card.png
    // The same picture for every reader, cached with the show's page and made again when its data change.
    async card(c: Context) {
      const slug = slugParam.safeParse(c.req.param('slug'));
      if (!slug.success) return notFound(c);
      const { lang } = speakerFor(c);
      const view = await loadShowView(db.kysely, forecasts, slug.data, now(), lang);
      if (!view) return notFound(c);
      const png = await shareCardPng(shareCardSvg(shareCardOf(view, lang)));
      return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png' });
    },
  };
}
