import type { ShowHistory } from './history.ts';
import { type PlatformKind, platformKind } from './platforms.rules.ts';

// "How many episodes will the next season have?": how often comparable shows kept, cut or grew the count.

const MIN_PAIRS = 10;

export interface EpisodeOutlook {
  last: number;
  same: number;
  fewer: number;
  more: number;
  /** Consecutive-season pairs the shares come from. */
  pairs: number;
  from: string;
  /** The kind of platform those shows are on; 'unknown' for the whole catalogue. */
  fromKind: PlatformKind;
}

export function episodeOutlook(show: ShowHistory, histories: ShowHistory[]): EpisodeOutlook | null {
  const latest = show.seasons.at(-1);
  const last = latest ? show.episodes?.[latest.number] : undefined;
  if (!latest || last === undefined) return null;
  const kind = platformKind(show.platform);
  const pairsOf = (list: ShowHistory[]) => {
    const out: Array<[number, number]> = [];
    for (const h of list) {
      for (const s of h.seasons) {
        const a = h.episodes?.[s.number];
        const b = h.episodes?.[s.number + 1];
        if (a !== undefined && b !== undefined) out.push([a, b]);
      }
    }
    return out;
  };
  let pairs = pairsOf(histories.filter((h) => platformKind(h.platform) === kind));
  let fromKind = kind;
  if (pairs.length < MIN_PAIRS) {
    pairs = pairsOf(histories);
    fromKind = 'unknown';
  }
  const from = fromKind === 'unknown' ? 'shows in the catalogue' : `${fromKind} shows in the catalogue`;
  if (pairs.length < MIN_PAIRS) return null;
  const share = (test: (a: number, b: number) => boolean) =>
    Math.round((pairs.filter(([a, b]) => test(a, b)).length / pairs.length) * 100) / 100;
  return {
    last,
    same: share((a, b) => a === b),
    fewer: share((a, b) => b < a),
    more: share((a, b) => b > a),
    pairs: pairs.length,
    from,
    fromKind,
  };
}
