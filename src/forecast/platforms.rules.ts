// Platforms as the model sees them: a normalised name and a kind (how it releases and renews).

export type PlatformKind = 'streaming' | 'cable' | 'broadcast' | 'unknown';

const KINDS: Array<[RegExp, PlatformKind]> = [
  [
    /^(netflix|prime video|amazon( prime( video)?)?|amazon studios|hulu|disney\+|disney plus|apple tv\+?|apple tv plus|hbo max|max|paramount\+|paramount plus|peacock|youtube( premium| red)?|crunchyroll|tencent qq|iqiyi|youku|viki|viu|mubi|britbox|acorn tv|shudder|sundancenow|roku channel|freevee|tubi|bbc iplayer|all 4|itvx|stan|crave|globoplay|vix|movistar\+?|canal\+|zdf mediathek|ard mediathek|tving|wavve|coupang play|u-next|jiocinema|zee5|sonyliv|hotstar|disney\+ hotstar|mx player|voot|altbalaji|showmax|sky go|now)$/,
    'streaming',
  ],
  [
    /^(hbo|showtime|starz|fx|fxx|amc|usa( network)?|tnt|tbs|syfy|lifetime|bravo|e!|a&e|history|cinemax|epix|mgm\+|bbc america|comedy central|nickelodeon|cartoon network|adult swim|freeform|disney channel|abc family|sky atlantic|sky one|sky max|sky|ifc|sundance( tv)?|we tv|oxygen|paramount network|spike|mtv|vh1|cmt|tlc|discovery|national geographic|own|hallmark( channel)?|bet|pop|tv land|audience|wgn america|esquire|ovation|fox business|cnn|espn|hgtv|food network|hbo latino)$/,
    'cable',
  ],
  [
    /^(abc|cbs|nbc|fox|the cw|cw|upn|the wb|wb|pbs|bbc one|bbc two|bbc three|bbc four|bbc|itv|itv1|itv2|channel 4|e4|channel 5|cbc|ctv|global|city|tf1|france 2|france 3|arte|m6|ard|zdf|das erste|rai 1|rai 2|canale 5|antena 3|la 1|telecinco|tve|televisa|las estrellas|azteca|tv azteca|rede globo|globo|kbs2|kbs1|mbc|sbs|jtbc|tvn|ocn|fuji tv|nhk|tbs japan|tv asahi|nippon tv|tv tokyo|dr1|nrk1|svt1|yle|rte one|rté one|abc australia|abc1|seven network|nine network|network ten|sbs australia|tvnz 1|tvnz 2|three)$/,
    'broadcast',
  ],
];

/** "Netflix" → "netflix", " HBO Max " → "hbo max". */
export function normalisePlatform(name: string | null | undefined): string | null {
  const n = (name ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  return n === '' ? null : n;
}

export function platformKind(name: string | null | undefined): PlatformKind {
  const n = normalisePlatform(name);
  if (!n) return 'unknown';
  for (const [pattern, kind] of KINDS) if (pattern.test(n)) return kind;
  return 'unknown';
}
