/** The audio enclosure of a post (a podcast episode), if it has one. */
import type { ParsedEnclosure } from '../feed/types';
import { isWebUrl } from '../util/web-url';

const AUDIO_EXT = /\.(mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac)(\?|#|$)/i;

/**
 * The first enclosure that is audio, by its type or, when the type is missing or generic, by its
 * extension. Only an http(s) URL is an episode: the player loads it and "Audio download" links to it.
 */
export function audioEnclosure(enclosures: readonly ParsedEnclosure[]): ParsedEnclosure | undefined {
  return enclosures.find((e) => isWebUrl(e.url) && (e.type?.toLowerCase().startsWith('audio/') || ((!e.type || e.type === 'application/octet-stream') && AUDIO_EXT.test(e.url))));
}
