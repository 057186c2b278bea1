// The slug rule as it stood before other scripts were spelt out, frozen for tests: Latin text must keep giving this.
export function slugBeforeScripts(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/[^a-z0-9 ]+/g, '')
    .trim()
    .replace(/ +/g, '-');
  return slug || 'x';
}
