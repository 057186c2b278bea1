import { expect, it } from 'vitest';
import { describeEachEngine, TEST_NOW } from './db/testing.ts';
import { buildApp } from './server.ts';

// One body limit for every POST route: a huge form is refused before it is read into memory.

const OVER = 'x'.repeat(65 * 1024);
const SAMPLE: Record<string, string> = { slug: 'somos', id: '1', action: 'approve' };

describeEachEngine('request body limit', (db) => {
  const app = () => buildApp({ db: db(), siteUrl: 'https://nextseason.test', now: () => TEST_NOW, mail: null });
  const postRoutes = () => {
    const paths = app()
      .routes.filter((r) => r.method === 'POST')
      .map((r) => r.path.replace(/:(\w+)(\{[^}]*\})?/g, (_, name: string) => SAMPLE[name] ?? '1'));
    return [...new Set(paths)];
  };

  it('answers 413 to a body over the limit on every POST route', async () => {
    const routes = postRoutes();
    expect(routes).toContain('/admin/login');
    expect(routes.length).toBeGreaterThan(15);
    for (const path of routes) {
      const res = await app().request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(OVER.length + 6) },
        body: `email=${OVER}`,
      });
      expect(`${path} ${res.status}`).toBe(`${path} 413`);
    }
  });

  it('stops reading a streamed body with no length once it passes the limit', async () => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 50 * 1024 * 1024) return controller.close();
        sent += 64 * 1024;
        controller.enqueue(new Uint8Array(64 * 1024).fill(120));
      },
    });
    const res = await app().request('/admin/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(1024 * 1024);
  });

  it('answers the API in problem+json', async () => {
    const res = await app().request('/api/shows', { method: 'POST', headers: { 'content-length': String(OVER.length) }, body: OVER });
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
