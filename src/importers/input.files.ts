import fs from 'node:fs';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { parse } from 'csv-parse';

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

/** The columns of `expected` that a CSV file's header lacks (to refuse a file of the wrong kind). */
export async function missingColumns(file: string, expected: string[]): Promise<string[]> {
  const columns = ((await peek(file)).split(/\r?\n/, 1)[0] ?? '').split(',').map((c) => c.trim());
  return expected.filter((c) => !columns.includes(c));
}

/** A CSV file's rows as objects by header, each with the line it ends on (for problem reports). */
export async function* csvRows(file: string): AsyncIterable<{ row: Record<string, string>; line: number }> {
  const parser = openInput(file).pipe(parse({ columns: true, info: true, relax_column_count: true, skip_empty_lines: true, bom: true }));
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>)
    yield { row: record, line: info.lines };
}
