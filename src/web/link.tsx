import type { Child } from 'hono/jsx';
import { safeHttpUrl } from './urls.ts';

/** A link out from stored data: an `<a>` only when the URL passes the link rule, otherwise the text alone. */
export function OutLink({ href, rel, children }: { href: string | null | undefined; rel?: string; children?: Child }) {
  const url = safeHttpUrl(href);
  return url ? (
    <a href={url} rel={rel}>
      {children}
    </a>
  ) : (
    children
  );
}
