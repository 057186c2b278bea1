// Names → ISO codes, from the same Intl data the site uses to print them.

const letters = 'abcdefghijklmnopqrstuvwxyz';
// Withdrawn codes that Intl still names ("DD" is East Germany, which Intl calls plain "Germany").
const WITHDRAWN = new Set(['DD', 'FX', 'SU', 'YU', 'ZR', 'TP', 'BU', 'CS', 'NT', 'AN', 'QO', 'UK', 'EU', 'EZ', 'UN', 'ZZ', 'XA', 'XB']);
function reverse(type: 'language' | 'region', upper: boolean): Map<string, string> {
  const names = new Intl.DisplayNames(['en'], { type });
  const map = new Map<string, string>();
  for (const a of letters) {
    for (const b of letters) {
      const code = upper ? `${a}${b}`.toUpperCase() : `${a}${b}`;
      if (upper && WITHDRAWN.has(code)) continue;
      let name: string | undefined;
      try {
        name = names.of(code);
      } catch {
        continue;
      }
      if (name && name !== code && !map.has(name.toLowerCase())) map.set(name.toLowerCase(), code);
    }
  }
  return map;
}

const LANGUAGES = reverse('language', false);
const REGIONS = reverse('region', true);
const REGION_ALIASES: Record<string, string> = {
  'united states of america': 'US',
  usa: 'US',
  uk: 'GB',
  'great britain': 'GB',
  'russian federation': 'RU',
  'korea, republic of': 'KR',
  'republic of korea': 'KR',
  'hong kong': 'HK',
  czechia: 'CZ',
  'czech republic': 'CZ',
  'taiwan, province of china': 'TW',
  'west germany': 'DE',
  'viet nam': 'VN',
  'iran, islamic republic of': 'IR',
};

/** "Spanish" → "es"; null when the name is not a language Intl knows. */
export function languageCode(name: string | null | undefined): string | null {
  if (!name) return null;
  return LANGUAGES.get(name.trim().toLowerCase()) ?? null;
}

/** "Mexico" → "MX", "South Korea" → "KR"; null when unknown. */
export function countryCode(name: string | null | undefined): string | null {
  if (!name) return null;
  const key = name.trim().toLowerCase();
  if (/^[a-z]{2}$/.test(key)) return key.toUpperCase();
  return REGION_ALIASES[key] ?? REGIONS.get(key) ?? null;
}
