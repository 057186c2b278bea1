import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

// Reading input files, compressed or not.

const reading = new Map<string, fs.ReadStream>();

export function openInput(file: string): Readable {
  const raw = fs.createReadStream(file);
  reading.set(file, raw);
  return file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw;
}

/** Bytes of `file` read so far by its latest openInput stream (for progress). */
export function bytesRead(file: string): number {
  return reading.get(file)?.bytesRead ?? 0;
}

/** The first `bytes` characters of a file (decompressed), to recognise its kind before importing. */
export async function peek(file: string, bytes = 4096): Promise<string> {
  if (!fs.existsSync(file)) throw new Error(`${file}: no such file`);
  const stream = openInput(file);
  let text = '';
  for await (const chunk of stream) {
    text += chunk.toString('utf8');
    if (text.length >= bytes) break;
  }
  stream.destroy();
  return text.slice(0, bytes).replace(/^\uFEFF/, '');
}

export function lines(file: string): AsyncIterable<string> {
  return readline.createInterface({ input: openInput(file), crlfDelay: Number.POSITIVE_INFINITY });
}
