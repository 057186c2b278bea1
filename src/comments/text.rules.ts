// Reader text as it is stored: no control or direction-override characters, one kind of newline.

// Control and format characters (bidi overrides, zero-width spaces, BOM), but not newline, tab or the emoji joiner.
const CONTROL = /(?![\n\t\u200d])[\p{Cc}\p{Cf}]/gu;

/** A comment body: Unicode NFC, newlines as \n, invisible and bidi-control characters removed. */
export function cleanBody(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** A one-line field: NFKC (full-width letters become ASCII), whitespace collapsed. */
export function cleanLine(text: string): string {
  return text.normalize('NFKC').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

// Letters from other scripts that look like Latin ones, for comparing names and words as they look.
const LOOKALIKES: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  і: 'i',
  ї: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  ӏ: 'l',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ϲ: 'c',
  '0': 'o',
  '1': 'l',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '|': 'l',
  ı: 'i',
  ſ: 's',
};

/** How a text looks, reduced to plain Latin letters: "Аdmіn" (Cyrillic А and і) and "ADM1N" give "admln"/"admin" alike. */
export function skeleton(text: string): string {
  const folded = text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  let out = '';
  for (const ch of folded) out += LOOKALIKES[ch] ?? ch;
  return out.replace(/l/g, 'i');
}
