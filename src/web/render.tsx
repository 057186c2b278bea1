import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { langOfPath } from '../lang/i18n.ts';
import { LangContext } from './lang.context.ts';
import { Layout, type PageMeta } from './layout.tsx';

/** Every HTML page goes out through here: the site's layout around the body, with a doctype, in the path's language. */
export function render(c: Context, meta: PageMeta, body: Child, opts: { status?: ContentfulStatusCode; query?: string } = {}) {
  const lang = langOfPath(c.req.path);
  const url = new URL(c.req.url);
  return c.html(
    `<!doctype html>${(
      <LangContext.Provider value={lang}>
        <Layout meta={meta} query={opts.query} here={`${url.pathname}${url.search}`}>
          {body}
        </Layout>
      </LangContext.Provider>
    )}`,
    opts.status ?? 200,
  );
}
