import type { Context, Hono } from 'hono';
import { problem } from '../web/problem.ts';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** The methods a route (not a middleware) answers at `path`, read from the app's own route table; GET brings HEAD. */
export function allowedMethods(app: Pick<Hono<any, any, any>, 'router'>, path: string): string[] {
  const allowed: string[] = METHODS.filter((method) => app.router.match(method, path)[0].some(([[, route]]) => route.method === method));
  if (allowed.includes('GET')) allowed.splice(allowed.indexOf('GET') + 1, 0, 'HEAD');
  return allowed;
}

/** No API route for this method and path: 405 with `Allow` when the resource exists under other methods, else 404. */
export function apiNoRoute(app: Pick<Hono<any, any, any>, 'router'>, c: Context) {
  const allowed = allowedMethods(app, c.req.path);
  if (allowed.length === 0) return problem(c, 404, 'Not found', `no resource at ${c.req.path}`);
  c.header('allow', allowed.join(', '));
  return problem(c, 405, 'Method not allowed', `${c.req.method} is not allowed on ${c.req.path}; it answers ${allowed.join(', ')}`);
}
