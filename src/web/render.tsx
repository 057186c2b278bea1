import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout, type PageMeta } from './layout.tsx';

/** Every HTML page goes out through here: the site's layout around the body, with a doctype. */
export function render(c: Context, meta: PageMeta, body: Child, opts: { status?: ContentfulStatusCode; query?: string } = {}) {
  return c.html(
    `<!doctype html>${(
      <Layout meta={meta} query={opts.query}>
        {body}
      </Layout>
    )}`,
    opts.status ?? 200,
  );
}
