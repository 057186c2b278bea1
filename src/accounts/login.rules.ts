// Where a login sends its user: back to the desk page they asked for, and nowhere else.

export const DESK_HOME = '/admin';

// A path on the desk in printable ASCII: no other origin ("//evil.test", "/\evil.test", "https:…"),
// and no CR or LF, which would split the Location header.
const DESK_PATH = /^\/admin(?:[/?#][\x21-\x5b\x5d-\x7e]*)?$/;

/** The `next` a login form carries if it names a desk page; the desk's home otherwise. */
export function afterLogin(next: unknown): string {
  return typeof next === 'string' && DESK_PATH.test(next) ? next : DESK_HOME;
}
