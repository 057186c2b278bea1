import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

export const UNREADABLE_FORM =
  'The form could not be read: send it as application/x-www-form-urlencoded, or as multipart/form-data with the boundary its Content-Type names.';

/**
 * A request's form fields, parsed once per request. A body that claims to be a form but is not one (a
 * multipart body with another boundary, or none) is the client's mistake: 400, never an error of ours.
 */
export async function readForm(c: Context): Promise<Awaited<ReturnType<Context['req']['parseBody']>>> {
  try {
    return await c.req.parseBody();
  } catch {
    throw new HTTPException(400, { message: UNREADABLE_FORM });
  }
}
