import type { XmlElement } from '../xml/xml-node.ts';
import type { ParsedItem } from './types.ts';
import { child } from './element-helpers.ts';
import { webLink } from './web-link.ts';

/** Podcasting 2.0 transcript and chapters URLs of an item (podcast: namespace), resolved; http(s) only. */
export function podcastLinks(item: XmlElement): Pick<ParsedItem, 'transcriptUrl' | 'chaptersUrl'> {
  const out: Pick<ParsedItem, 'transcriptUrl' | 'chaptersUrl'> = {};
  const transcript = child(item, 'podcast:transcript');
  const tUrl = transcript ? webLink(transcript.attrs['url'], transcript.base) : undefined;
  if (tUrl) out.transcriptUrl = tUrl;
  const chapters = child(item, 'podcast:chapters');
  const cUrl = chapters ? webLink(chapters.attrs['url'], chapters.base) : undefined;
  if (cUrl) out.chaptersUrl = cUrl;
  return out;
}
