import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';

// A real HTTP receiver on 127.0.0.1 for webhook tests: records each POST, answers with the status the test
// sets, and checks Standard Webhooks signatures on its own (node:crypto, not the library that signs them).

export interface Received {
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  json: { type: string; timestamp: string; data: Record<string, any> };
}

export interface Receiver {
  url: string;
  received: Received[];
  /** The status to answer with (200 unless set). */
  answer: number;
  /** Milliseconds to wait before answering (0 unless set): a slow receiver. */
  delayMs: number;
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** True when `signature` is a v1 HMAC-SHA256 of "id.timestamp.body" under the whsec_ secret. */
export function signatureValid(secret: string, r: Pick<Received, 'id' | 'timestamp' | 'signature' | 'body'>): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${r.id}.${r.timestamp}.${r.body}`).digest('base64');
  return r.signature.split(' ').some((s) => {
    const [version, sig] = s.split(',');
    return (
      version === 'v1' && sig !== undefined && sig.length === expected.length && timingSafeEqual(Buffer.from(sig), Buffer.from(expected))
    );
  });
}

export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: Array<() => void> = [];
  const state = { answer: 200, delayMs: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => {
      body += d;
    });
    req.on('end', async () => {
      if (state.delayMs) await new Promise((resolve) => setTimeout(resolve, state.delayMs));
      if (state.answer < 300) {
        received.push({
          path: req.url ?? '',
          id: String(req.headers['webhook-id']),
          timestamp: String(req.headers['webhook-timestamp']),
          signature: String(req.headers['webhook-signature']),
          body,
          json: JSON.parse(body),
        });
        for (const w of waiters.splice(0)) w();
      }
      res.writeHead(state.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    get answer() {
      return state.answer;
    },
    set answer(v: number) {
      state.answer = v;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(v: number) {
      state.delayMs = v;
    },
    waitFor(count, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${received.length} of ${count} webhooks within ${timeoutMs} ms`)), timeoutMs);
        const check = () => {
          if (received.length >= count) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
