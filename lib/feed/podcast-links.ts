import type { XmlElement } from '../xml/xml-node.ts';
import type { ParsedItem } from './types.ts';
import { child } from './element-helpers.ts';
import { resolveUrl } from './resolve-url.ts';

/** Podcasting 2.0 transcript and chapters URLs of an item (podcast: namespace), resolved. */
export function podcastLinks(item: XmlElement): Pick<ParsedItem, 'transcriptUrl' | 'chaptersUrl'> {
  const out: Pick<ParsedItem, 'transcriptUrl' | 'chaptersUrl'> = {};
  const transcript = child(item, 'podcast:transcript');
  const tUrl = transcript?.attrs['url']?.trim();
  if (transcript && tUrl) out.transcriptUrl = resolveUrl(tUrl, transcript.base);
  const chapters = child(item, 'podcast:chapters');
  const cUrl = chapters?.attrs['url']?.trim();
  if (chapters && cUrl) out.chaptersUrl = resolveUrl(cUrl, chapters.base);
  return out;
}
