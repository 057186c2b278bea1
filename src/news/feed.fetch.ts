// Fetching a feed politely: conditional GET (ETag / Last-Modified), a timeout, and a size limit.

export type FetchResult =
  | { kind: 'ok'; body: string; etag: string | null; lastModified: string | null }
  | { kind: 'not_modified' }
  | { kind: 'error'; reason: string };

export interface FetchOptions {
  etag?: string | null;
  lastModified?: string | null;
  timeoutMs?: number;
  maxBytes?: number;
  userAgent: string;
}

export async function fetchFeed(url: string, o: FetchOptions): Promise<FetchResult> {
  const headers: Record<string, string> = {
    'user-agent': o.userAgent,
    accept: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml, text/xml;q=0.9, */*;q=0.5',
  };
  if (o.etag) headers['if-none-match'] = o.etag;
  if (o.lastModified) headers['if-modified-since'] = o.lastModified;
  const signal = AbortSignal.timeout(o.timeoutMs ?? 10_000);
  let response: Response;
  try {
    response = await fetch(url, { headers, signal, redirect: 'follow' });
  } catch (error) {
    return { kind: 'error', reason: (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message };
  }
  if (response.status === 304) return { kind: 'not_modified' };
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    return { kind: 'error', reason: `HTTP ${response.status}` };
  }
  const limit = o.maxBytes ?? 2_000_000;
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > limit) {
    await response.body.cancel();
    return { kind: 'error', reason: `larger than ${limit} bytes` };
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) {
        await response.body.cancel().catch(() => {});
        return { kind: 'error', reason: `larger than ${limit} bytes` };
      }
      chunks.push(chunk);
    }
  } catch (error) {
    return { kind: 'error', reason: (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message };
  }
  return {
    kind: 'ok',
    body: Buffer.concat(chunks).toString('utf8'),
    etag: response.headers.get('etag'),
    lastModified: response.headers.get('last-modified'),
  };
}
