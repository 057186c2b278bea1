import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, type ShareCard, shareCardPng, shareCardSvg, textWidth } from './share.card.ts';

const DEJAVU = ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'];
const MARGIN = 72;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;

const card = (over: Partial<ShareCard> = {}): ShareCard => ({
  lang: 'en',
  title: 'Somos.',
  n: 2,
  verdict: 'Not decided yet',
  said: 'Not decided yet',
  p365: 0.34,
  when: 'Netflix has neither renewed nor cancelled Somos.; it usually decides within three months.',
  platform: 'Netflix',
  ...over,
});

const fromXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The title's lines as drawn, with their font size. */
function titleLines(svg: string): { size: number; lines: string[] } {
  const rows = [...svg.matchAll(/<text [^>]*font-size="(\d+)"[^>]*class="title">([^<]*)<\/text>/g)];
  return { size: Number(rows[0]?.[1]), lines: rows.map((r) => fromXml(r[2] as string)) };
}

/** The RGBA pixels of the card as resvg draws it with DejaVu. */
const pixels = (svg: string) =>
  new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: DEJAVU, defaultFontFamily: 'DejaVu Sans' } }).render().pixels;

/** True when every pixel right of the text column is the card's white. */
function rightMarginBlank(rgba: Buffer): boolean {
  for (let y = 0; y < CARD_HEIGHT; y++)
    for (let x = CARD_WIDTH - MARGIN + 4; x < CARD_WIDTH; x++) {
      const i = (y * CARD_WIDTH + x) * 4;
      if (rgba[i] !== 255 || rgba[i + 1] !== 255 || rgba[i + 2] !== 255) return false;
    }
  return true;
}

describe('the share card', () => {
  it('escapes a title with XML’s special characters, and drops characters XML cannot hold', () => {
    const svg = shareCardSvg(card({ title: 'Tom & Jerry <"Live"> \u0007', platform: 'A&E' }));
    expect(svg).toContain('>Tom &amp; Jerry &lt;&quot;Live&quot;&gt;</text>');
    expect(svg).toContain('>A&amp;E</text>');
    expect(svg).not.toContain('<"Live">');
    expect(svg).not.toContain('\u0007');
    expect(shareCardSvg(card({ title: 'A\ud83d B 🎬' }))).toContain('>A B 🎬<');
    // Well-formed: resvg reads it.
    expect(() => pixels(svg)).not.toThrow();
  });

  it('says the question, the verdict, the odds and the platform in the card’s language', () => {
    const en = shareCardSvg(card());
    for (const text of ['Will there be a season 2?', 'Not decided yet', 'Chance within a year: 34%', 'Netflix', 'Next Season'])
      expect(en).toContain(text);
    const es = shareCardSvg(card({ lang: 'es', said: 'Aún sin decidir' }));
    for (const text of ['¿Habrá temporada 2?', 'Aún sin decidir', 'Probabilidad en un año: 34\u00a0%']) expect(es).toContain(text);
    // Nearly nothing is not nothing.
    expect(shareCardSvg(card({ p365: 0.0009 }))).toContain('Chance within a year: &lt;1%');
    expect(shareCardSvg(card({ p365: null }))).not.toContain('Chance within a year');
  });

  it.each([
    ['yes', 'Yes', '#1a7f37'],
    ['no', 'No', '#b42318'],
    ['most likely not', 'Most likely not', '#b42318'],
    ['undecided', 'Not decided yet', '#a16207'],
  ] as const)('colours a %s verdict', (_, verdict, colour) => {
    expect(shareCardSvg(card({ verdict, said: verdict }))).toMatch(new RegExp(`fill="${colour}" class="verdict">${verdict}<`));
  });

  it('shrinks and wraps a 120-character title so every line fits', () => {
    const title = 'The Remarkably Long and Thoroughly Unabridged Chronicles of a Television Series Whose Title Simply Refuses to End Soon';
    const long = `${title}${' Now'.repeat(40)}`.slice(0, 120);
    expect(long).toHaveLength(120);
    const { size, lines } = titleLines(shareCardSvg(card({ title: long })));
    expect(size).toBeLessThan(64);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) expect(textWidth(line, size)).toBeLessThanOrEqual(TEXT_WIDTH);
    const shown = lines.join(' ');
    expect(shown === long || (shown.endsWith('…') && long.startsWith(shown.slice(0, -1)))).toBe(true);
  });

  it.each([
    ['Korean, with spaces', '슬기로운 의사생활 시즌2 특별편: 우리들의 이야기는 계속된다 그리고 또 계속된다'],
    ['Japanese, without one', '進撃の巨人'.repeat(12)],
  ])('shrinks a %s title so every line fits', (_, title) => {
    const { size, lines } = titleLines(shareCardSvg(card({ title })));
    expect(size).toBeLessThan(80);
    expect(lines.length).toBeLessThanOrEqual(3);
    for (const line of lines) expect(textWidth(line, size)).toBeLessThanOrEqual(TEXT_WIDTH);
    // A square glyph is counted a whole em: the line is at least as wide as its characters.
    for (const line of lines) expect(textWidth(line, size)).toBeGreaterThanOrEqual([...line.replace(/[\s:\d]/g, '')].length * size);
  });

  it('draws nothing past the right margin, however wide the text (DejaVu, as drawn)', () => {
    // The check itself sees text that runs over.
    const over = shareCardSvg(card()).replace('</svg>', `<text x="${CARD_WIDTH - MARGIN}" y="300" font-size="40">W</text></svg>`);
    expect(rightMarginBlank(pixels(over))).toBe(false);
    for (const c of [
      card({ title: 'WWW MMM mmm www %%% '.repeat(6).trim(), said: 'Most likely not', verdict: 'Most likely not' }),
      card({ lang: 'es', title: 'Somos.', said: 'Probablemente no', verdict: 'Most likely not', when: 'OQGD '.repeat(80) }),
      card({ title: 'Supercalifragilisticexpialidocious'.repeat(4), platform: 'An Extremely Long Platform Name Streaming Service Plus' }),
    ])
      expect(rightMarginBlank(pixels(shareCardSvg(c))), c.title).toBe(true);
  });

  it.each([
    ['with the fonts it is given', card(), { fontFiles: DEJAVU }],
    ['with the system’s fonts, for a title in another script', card({ title: '이상한 변호사 우영우' }), {}],
  ])('renders a PNG of 1200×630 %s', async (_, c, fonts) => {
    const png = await shareCardPng(shareCardSvg(c), fonts);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });
});
