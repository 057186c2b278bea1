import type { Context } from 'hono';
import type { AppDeps } from '../app.types.ts';
import { notFound } from '../catalog/shows.routes.tsx';
import { AboutPage } from './about.pages.tsx';
import { ServerErrorPage } from './errors.pages.tsx';
import { Layout } from './layout.tsx';
import { ScoreboardPage } from './scoreboard.pages.tsx';
import { scoreboard } from './scoreboard.ts';

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

// GET /platforms/:platform
export function scoreboardPage({ db, siteUrl }: Pick<AppDeps, 'db' | 'siteUrl'>) {
  return async (c: Context) => {
    const board = await scoreboard(db.kysely, c.req.param('platform') ?? '');
    if (!board) return notFound(c);
    const meta = {
      title: `${board.platform.name} renewal scoreboard | Next Season`,
      description: `Which ${board.platform.name} shows are renewed, cancelled or waiting, and how long decisions take.`,
      canonical: `${siteUrl}/platforms/${board.platform.slug}`,
      feedsAt: `/platforms/${board.platform.slug}`,
    };
    return c.html(
      `<!doctype html>${(
        <Layout meta={meta}>
          <ScoreboardPage board={board} />
        </Layout>
      )}`,
    );
  };
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
