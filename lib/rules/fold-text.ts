/** Text as words and phrases are compared: lower case, accents dropped ("Café" finds "cafe"). */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}
