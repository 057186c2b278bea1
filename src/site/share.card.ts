import fs from 'node:fs';
import { renderAsync } from '@resvg/resvg-js';
import type { ShowView } from '../catalog/show.view.ts';
import { formatChance, type Lang, t } from '../lang/i18n.ts';
import { verdictClass } from './shows.pages.tsx';

// A show's share card (its og:image): 1200×630, the question, the verdict in its colour, the odds and the
// when-sentence, drawn as SVG by a pure function and turned into PNG by resvg (no browser). Text is
// measured by its characters' rough widths and shrunk or wrapped to fit: a long title, or one in a script
// with wide glyphs, never runs off the card.

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** What a card says, in its language. */
export interface ShareCard {
  lang: Lang;
  title: string;
  /** The season asked about. */
  n: number;
  verdict: ShowView['next']['verdict'];
  /** The verdict as the language says it. */
  said: string;
  /** The chance of the next season within a year; null without a forecast. */
  p365: number | null;
  when: string;
  platform: string | null;
}

export function shareCardOf(view: ShowView, lang: Lang): ShareCard {
  return {
    lang,
    title: view.detail.show.title,
    n: view.status.nextSeason,
    verdict: view.next.verdict,
    said: view.next.said,
    p365: view.forecast ? view.forecast.forecast.pWithin365 : null,
    when: view.when,
    platform: view.detail.show.platform?.name ?? null,
  };
}

const MARGIN = 72;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
const FONT_FAMILY = 'DejaVu Sans';
const COLOURS = { fg: '#1d1f21', muted: '#4d5259', line: '#d9dce0', accent: '#0b5cad', bg: '#ffffff' };
const VERDICT_COLOURS = { 'verdict-yes': '#1a7f37', 'verdict-no': '#b42318', 'verdict-wait': '#a16207' } as Record<string, string>;

// Scripts whose glyphs are about a square each (Hangul, CJK, kana, full-width forms, emoji).
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** A character's advance in em in DejaVu Sans Bold, rounded up a little: wide scripts 1, narrow letters about a third. */
function charEm(ch: string): number {
  if (WIDE.test(ch)) return 1;
  if (/\p{M}/u.test(ch)) return 0;
  if (/\s/.test(ch)) return 0.35; // no-break spaces too
  if (/[ijlI.,:;'!|·‘’]/.test(ch)) return 0.4;
  if (/[frtJ()[\]{}"/\-–“”]/.test(ch)) return 0.52;
  if (/[mwMW%@—…]/.test(ch)) return 1.12;
  if (/[\p{Lu}\d]/u.test(ch)) return 0.88;
  return 0.74;
}

/** The rough width of `text` at `size` px; regular weight is about a tenth narrower than bold. */
export function textWidth(text: string, size: number, bold = true): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * size * (bold ? 1 : 0.9);
}

// Spaces a line may break at: all but the no-break ones ("34 %" stays together).
const BREAK = '(?:(?![\\u00a0\\u2007\\u202f])\\s)';
const PIECES = new RegExp(`${BREAK}+|${WIDE.source}|(?:(?!${WIDE.source})(?!${BREAK})[\\s\\S])+`, 'gu');
const SPACE = new RegExp(`^${BREAK}`, 'u');

/** Pieces a line may break between: runs of letters, and each wide character on its own. */
function pieces(text: string): Array<{ text: string; space: boolean }> {
  const out: Array<{ text: string; space: boolean }> = [];
  let space = false;
  for (const m of text.matchAll(PIECES)) {
    if (SPACE.test(m[0])) {
      space = true;
      continue;
    }
    out.push({ text: m[0], space });
    space = false;
  }
  return out;
}

/** A piece too long for any line, cut into lines' worth of characters. */
function hardBreak(word: string, fits: (s: string) => boolean): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of word) {
    if (line && !fits(line + ch)) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

/** Greedy wrapping into lines no wider than `width`. */
export function wrap(text: string, size: number, width: number, bold = true): string[] {
  const fits = (s: string) => textWidth(s, size, bold) <= width;
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces(text)) {
    const joined = line ? `${line}${piece.space ? ' ' : ''}${piece.text}` : piece.text;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    const parts = fits(piece.text) ? [piece.text] : hardBreak(piece.text, fits);
    lines.push(...parts.slice(0, -1));
    line = parts.at(-1) ?? '';
  }
  if (line) lines.push(line);
  return lines;
}

/** The last line shortened with an ellipsis until it fits, at a word where there is one. */
function ellipsize(line: string, size: number, width: number, bold: boolean): string {
  let cut = line;
  while (cut && textWidth(`${cut}…`, size, bold) > width) cut = [...cut].slice(0, -1).join('');
  const space = cut.lastIndexOf(' ');
  if (cut.length < line.length && line[cut.length] !== ' ' && space > cut.length / 2) cut = cut.slice(0, space);
  return `${cut.replace(/[\s,;:.—-]+$/, '')}…`;
}

export interface FittedText {
  size: number;
  lines: string[];
}

/**
 * The largest size at which `text` wraps into at most `maxLines(size)` lines of `width`; at the smallest size,
 * whatever is left over is cut with an ellipsis.
 */
export function fitText(
  text: string,
  { sizes, width, maxLines, bold = true }: { sizes: number[]; width: number; maxLines: (size: number) => number; bold?: boolean },
): FittedText {
  for (const size of sizes) {
    const lines = wrap(text, size, width, bold);
    if (lines.length <= maxLines(size)) return { size, lines };
  }
  const size = sizes.at(-1) as number;
  const most = maxLines(size);
  const lines = wrap(text, size, width, bold);
  const kept = lines.slice(0, most);
  kept[most - 1] = ellipsize(`${kept[most - 1]} ${lines[most] ?? ''}`, size, width, bold);
  return { size, lines: kept };
}

// XML 1.0 allows neither control characters nor lone surrogates: a title with one would make the SVG unreadable.
const NOT_XML = /[^\P{Cc}\t\n\r]|[\ufffe\uffff]|\p{Cs}/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const TITLE_SIZES = [80, 72, 64, 58, 52, 46, 40, 36];
const VERDICT_SIZES = [104, 96, 88, 80, 72, 64, 56];
const WHEN_SIZE = 27;
/** The text sits between these, centred; the brand and platform below the rule. */
const TOP = 40;
const BOTTOM = 524;
const RULE = 548;

/** One line of text: its height on the card and where its baseline falls in it. */
interface Row {
  size: number;
  text: string;
  attrs: string;
  height: number;
  baseline: number;
  gapAfter: number;
}

const row = (size: number, text: string, attrs: string, height: number, baseline: number, gapAfter = 0): Row => ({
  size,
  text,
  attrs,
  height: size * height,
  baseline: size * baseline,
  gapAfter,
});

/** The card as SVG: a pure function of what it says. */
export function shareCardSvg(card: ShareCard): string {
  const colour = VERDICT_COLOURS[verdictClass(card.verdict)] as string;
  const rows: Row[] = [];
  // Big titles on two lines at most; a long one may take three once it is small.
  const title = fitText(card.title, { sizes: TITLE_SIZES, width: TEXT_WIDTH, maxLines: (size) => (size >= 58 ? 2 : 3) });
  title.lines.forEach((line, i) => {
    const last = i === title.lines.length - 1;
    rows.push(row(title.size, line, ` font-weight="700" fill="${COLOURS.fg}" class="title"`, 1.14, 0.93, last ? 18 : 0));
  });
  const question = fitText(t(card.lang, 'card.question', { n: card.n }), { sizes: [40, 34, 28], width: TEXT_WIDTH, maxLines: () => 1 });
  rows.push(row(question.size, question.lines[0] as string, ` fill="${COLOURS.muted}"`, 1.3, 1, 4));
  const verdict = fitText(card.said, { sizes: VERDICT_SIZES, width: TEXT_WIDTH, maxLines: () => 1 });
  rows.push(row(verdict.size, verdict.lines[0] as string, ` font-weight="700" fill="${colour}" class="verdict"`, 1.2, 0.95, 16));
  if (card.p365 !== null) {
    const odds = fitText(t(card.lang, 'card.odds', { p365: formatChance(card.lang, card.p365) }), {
      sizes: [36, 30],
      width: TEXT_WIDTH,
      maxLines: () => 1,
    });
    rows.push(row(odds.size, odds.lines[0] as string, ` font-weight="700" fill="${COLOURS.fg}"`, 1.35, 1.02, 2));
  }
  const height = (list: Row[]) => list.reduce((sum, r) => sum + r.height + r.gapAfter, 0);
  // The when-sentence takes the lines left: two at most, the last cut at a word when it is longer.
  const whenRow = row(WHEN_SIZE, '', ` fill="${COLOURS.muted}"`, 1.4, 1.02);
  const room = Math.max(0, Math.min(2, Math.floor((BOTTOM - TOP - height(rows)) / whenRow.height)));
  if (room > 0 && card.when) {
    const lines = wrap(card.when, WHEN_SIZE, TEXT_WIDTH, false);
    const kept = lines.slice(0, room);
    if (lines.length > room) kept[room - 1] = ellipsize(`${kept[room - 1]} ${lines[room]}`, WHEN_SIZE, TEXT_WIDTH, false);
    for (const text of kept) rows.push({ ...whenRow, text });
  }

  let y = TOP + Math.max(0, (BOTTOM - TOP - height(rows)) / 2);
  const out: string[] = [];
  for (const r of rows) {
    out.push(`<text x="${MARGIN}" y="${(y + r.baseline).toFixed(1)}" font-size="${r.size}"${r.attrs}>${escapeXml(r.text)}</text>`);
    y += r.height + r.gapAfter;
  }

  const brand = t(card.lang, 'card.brand');
  const platform = card.platform
    ? fitText(card.platform, { sizes: [30, 26, 22], width: TEXT_WIDTH - textWidth(brand, 32) - 48, maxLines: () => 1, bold: false })
    : null;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${FONT_FAMILY}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${COLOURS.bg}"/>`,
    `<rect width="20" height="${CARD_HEIGHT}" fill="${colour}"/>`,
    ...out,
    `<rect x="${MARGIN}" y="${RULE}" width="${TEXT_WIDTH}" height="2" fill="${COLOURS.line}"/>`,
    `<text x="${MARGIN}" y="596" font-size="32" font-weight="700" fill="${COLOURS.accent}">${escapeXml(brand)}</text>`,
    platform
      ? `<text x="${CARD_WIDTH - MARGIN}" y="596" font-size="${platform.size}" text-anchor="end" fill="${COLOURS.muted}">${escapeXml(platform.lines[0] as string)}</text>`
      : '',
    '</svg>',
  ].join('\n');
}

export interface CardFonts {
  /** Font files to use instead of the system's (tests pass DejaVu's, so every machine draws the same). */
  fontFiles?: string[];
}

const DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) => `/usr/share/fonts/truetype/dejavu/${file}`);
let dejaVuInstalled: boolean | undefined;
// What DejaVu Sans draws itself: Latin, IPA, Greek, Cyrillic, punctuation, currency, letterlike symbols and arrows.
const DEJAVU_ONLY = /^[\t\n\r\u0020-\u052f\u1e00-\u1fff\u2000-\u21ff]*$/u;

/**
 * The fonts a card is drawn with: DejaVu's two files alone when they draw every character (about twice as fast
 * as reading every system font); every system font otherwise, so a title in another script finds its glyphs.
 */
function fontsFor(svg: string, fontFiles?: string[]) {
  if (fontFiles) return { loadSystemFonts: false, fontFiles, defaultFontFamily: FONT_FAMILY };
  dejaVuInstalled ??= DEJAVU.every((file) => fs.existsSync(file));
  if (dejaVuInstalled && DEJAVU_ONLY.test(svg)) return { loadSystemFonts: false, fontFiles: DEJAVU, defaultFontFamily: FONT_FAMILY };
  return { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY };
}

/** The card as PNG: laid out and drawn on libuv's thread pool, so the event loop only waits for the PNG encoding. */
export async function shareCardPng(svg: string, { fontFiles }: CardFonts = {}): Promise<Buffer> {
  const image = await renderAsync(svg, { font: fontsFor(svg, fontFiles), fitTo: { mode: 'original' }, logLevel: 'off' });
  return image.asPng();
}
