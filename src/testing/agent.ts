/** Anything that answers a request: the app in process, or `overHttp(base)` for a running server. */
export interface Requester {
  request(path: string, init: RequestInit): Response | Promise<Response>;
}

/** A running server as a Requester: redirects are returned, not followed, as in process. */
export const overHttp = (base: string): Requester => ({
  request: (path, init) => fetch(`${base}${path}`, { ...init, redirect: 'manual' }),
});

/** A browser in miniature: keeps cookies, sends forms, and comes from one IP address. */
export function agent(app: Requester, ip = '203.0.113.7') {
  const jar = new Map<string, string>();
  return async (
    path: string,
    init: { method?: string; form?: Record<string, string>; body?: string; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = {
      cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-forwarded-for': ip,
      ...init.headers,
    };
    let body = init.body;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await app.request(path, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, v] = (pair as string).split('=') as [string, string];
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) jar.delete(k);
      else jar.set(k, v);
    }
    return { status: res.status, location: res.headers.get('location'), headers: res.headers, text: await res.text() };
  };
}
export type Agent = ReturnType<typeof agent>;

/** A comment-form token for this agent, as the comment script asks for one when a reader starts to write. */
export async function formToken(browse: Agent): Promise<string> {
  return (JSON.parse((await browse('/comments/form-token')).text) as { token: string }).token;
}
