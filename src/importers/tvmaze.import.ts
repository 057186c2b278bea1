import StreamArray from 'stream-json/streamers/StreamArray.js';
import type { ImportItem } from './import.run.ts';
import { WrongInputError } from './import.run.ts';
import { lines, openInput, peek } from './input.files.ts';
import { invalidShow, mapShow, type TvmazeEpisode, type TvmazeShow } from './tvmaze.map.ts';

// `nextseason import tvmaze FILE…`: raw TVmaze API JSON, read as a stream. Accepts arrays of episodes with
// the show embedded (/schedule/web), shows with embedded episodes and seasons (/shows/:id?embed[]=…),
// pages of the show index (/shows?page=N), and any of these one JSON object per line (.ndjson).

export async function checkTvmazeFile(file: string): Promise<void> {
  const head = (await peek(file)).trimStart();
  if (!/^[[{]/.test(head) || !/"id"\s*:/.test(head) || !/"(name|airstamp)"\s*:/.test(head)) {
    throw new WrongInputError(`${file} is not TVmaze API JSON (expected shows or episodes with "id" and "name")`);
  }
}

function isEpisode(value: unknown): value is TvmazeEpisode {
  const v = value as Record<string, unknown>;
  return !!v && typeof v === 'object' && ('airstamp' in v || 'airdate' in v) && 'season' in v;
}

export async function* tvmazeItems(file: string): AsyncIterable<ImportItem> {
  const head = (await peek(file, 64)).trimStart();
  const schedule = new Map<number, { show: TvmazeShow; episodes: TvmazeEpisode[]; location: string }>();
  const take = (value: unknown, location: string): ImportItem | null => {
    if (isEpisode(value)) {
      const show = value._embedded?.show;
      const problem = invalidShow(show);
      if (problem) return { problem: { location, field: '_embedded.show', reason: problem } };
      const s = show as TvmazeShow;
      const entry = schedule.get(s.id) ?? { show: s, episodes: [], location };
      entry.episodes.push(value);
      schedule.set(s.id, entry);
      return null;
    }
    const problem = invalidShow(value);
    if (problem) return { problem: { location, field: null, reason: problem } };
    return { record: mapShow(value as TvmazeShow, location) };
  };

  if (head.startsWith('[')) {
    let index = 0;
    try {
      for await (const { value } of openInput(file).pipe(StreamArray.withParser()) as AsyncIterable<{ value: unknown }>) {
        const item = take(value, `${file}:[${index}]`);
        index += 1;
        if (item) yield item;
      }
    } catch (error) {
      yield {
        problem: {
          location: `${file}:[${index}]`,
          field: null,
          reason: `malformed JSON, the rest of the file is unreadable: ${(error as Error).message}`,
        },
      };
    }
  } else {
    let n = 0;
    let whole = '';
    let ndjson = true;
    for await (const line of lines(file)) {
      n += 1;
      if (!ndjson) {
        whole += `${line}\n`;
        continue;
      }
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        if (n === 1) {
          ndjson = false; // a single pretty-printed object
          whole = `${line}\n`;
          continue;
        }
        yield { problem: { location: `${file}:${n}`, field: null, reason: `malformed JSON: ${(error as Error).message}` } };
        continue;
      }
      const item = take(value, `${file}:${n}`);
      if (item) yield item;
    }
    if (!ndjson) {
      try {
        const item = take(JSON.parse(whole), `${file}:1`);
        if (item) yield item;
      } catch (error) {
        yield { problem: { location: `${file}:1`, field: null, reason: `malformed JSON: ${(error as Error).message}` } };
      }
    }
  }
  for (const { show, episodes, location } of schedule.values()) yield { record: mapShow(show, location, episodes) };
}
