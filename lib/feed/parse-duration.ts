/**
 * Seconds for a podcast duration in any spelling seen in feeds: "3600", "90.5", "1:02:03",
 * "62:03", "1:2:3", "PT1H2M3S", "1h 2m 3s", "45 min". Undefined when unreadable.
 */
export function parseDuration(input: string | undefined): number | undefined {
  const s = input?.trim().toLowerCase();
  if (!s || s.length > 64) return undefined;
  if (/^\d+(?:\.\d+)?$/.test(s)) return Math.round(Number(s));
  if (/^\d+(?::\d{1,2}){1,2}(?:\.\d+)?$/.test(s)) {
    return Math.round(s.split(':').reduce((acc, part) => acc * 60 + Number(part), 0));
  }
  const iso = /^p(?:(\d+)d)?t?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(s);
  if (iso && s !== 'p' && s !== 'pt') {
    return Math.round(Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0));
  }
  const words = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$/.exec(s);
  if (words && (words[1] ?? words[2] ?? words[3]) !== undefined) {
    return Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0);
  }
  return undefined;
}
