import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { DESK_STYLESHEET } from '../web/assets.ts';
import { readForm } from '../web/form.ts';
import { render } from '../web/render.tsx';

// What every desk page shares: its frame, its refusal, and how it reads a form.

/** A submitted form's text fields, the CSRF token left out. */
export async function formValues(c: Context): Promise<Record<string, string>> {
  const body = await readForm(c);
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => k !== '_csrf' && typeof v === 'string')) as Record<string, string>;
}

export function adminPage(c: Context, title: string, body: unknown, status: 200 | 400 | 401 | 403 | 404 | 429 = 200) {
  // The desk's stylesheet comes with its content (a stylesheet link may stand in the body), so the
  // site's layout stays the same for every page.
  return render(
    c,
    { title: `${title} | Next Season desk`, description: "Editors' desk", noindex: true },
    <div class="desk">
      <link rel="stylesheet" href={DESK_STYLESHEET.url} />
      {body as Child}
    </div>,
    { status },
  );
}

export function forbiddenPage(c: Context, message: string) {
  return adminPage(
    c,
    'Not allowed',
    <>
      <h1>Not allowed</h1>
      <p>{message}</p>
    </>,
    403,
  );
}
