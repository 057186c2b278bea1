import type { Context } from 'hono';
import { AboutPage } from './about.pages.tsx';
import { ServerErrorPage } from './errors.pages.tsx';
import { Layout } from './layout.tsx';

// GET /about
export function aboutPage(c: Context) {
  return c.html(
    `<!doctype html>${(
      <Layout meta={{ title: 'About and data credits | Next Season', description: 'What Next Season is and where its data comes from.' }}>
        <AboutPage />
      </Layout>
    )}`,
  );
}

export function serverError(c: Context) {
  return c.html(
    `<!doctype html>${(
      <Layout meta={{ title: 'Error | Next Season', description: 'Something went wrong.', noindex: true }}>
        <ServerErrorPage />
      </Layout>
    )}`,
    500,
  );
}
