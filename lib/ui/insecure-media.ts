/**
 * Plain-http media in extension pages under Firefox. Extension pages are secure contexts, and
 * Firefox (127 on, `security.mixed_content.upgrade_display_content`, on by default) rewrites
 * every http: image, audio and video they load to https: a host that serves only http never
 * sees the request, and neither the manifest's CSP nor the page can opt out (the upgrade is
 * decided from the document's origin, not from `upgrade-insecure-requests`, which Orrery's CSP
 * does not carry). The extension's own fetch() is not upgraded (its host permission covers the
 * address), so a load that failed is fetched once that way and shown from a blob: URL.
 */
import { parseWebUrl } from '../util/web-url';

/** True in the Firefox build: only there does an http: media load from an extension page get upgraded. */
export const UPGRADES_INSECURE_MEDIA: boolean = import.meta.env.FIREFOX === true;

/** An http: address whose load the browser may have upgraded (https ones are left alone). */
export function isInsecureWebUrl(url: string | null | undefined): url is string {
  return parseWebUrl(url ?? '')?.protocol === 'http:';
}

/** What the loader needs (the page's fetch and object URLs; injected so Node can test it). */
export interface InsecureMediaDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  createObjectURL: (blob: Blob) => string;
  revokeObjectURL: (url: string) => void;
  /** Object URLs kept at once; the oldest is revoked past it (images of posts scrolled away). */
  max?: number;
}

/** Fetches http: media through the extension and hands out blob: URLs for it. */
export interface InsecureMediaLoader {
  /** A blob: URL with the media at `url`; rejects when the host answers with an error or not at all. */
  load(url: string): Promise<string>;
  /** Revokes the object URL of `url` (an episode no longer playing). */
  release(url: string): void;
}

/** Creates the loader: one request per address however many elements ask, cached up to `max`. */
export function createInsecureMediaLoader({ fetch, createObjectURL, revokeObjectURL, max = 200 }: InsecureMediaDeps): InsecureMediaLoader {
  const cache = new Map<string, Promise<string>>();
  const drop = (url: string) => {
    const held = cache.get(url);
    cache.delete(url);
    void held?.then(revokeObjectURL, () => undefined);
  };
  return {
    load(url) {
      if (!isInsecureWebUrl(url)) return Promise.reject(new Error(`not an http: address: ${url}`));
      const held = cache.get(url);
      if (held) {
        // Most recently used last.
        cache.delete(url);
        cache.set(url, held);
        return held;
      }
      const loading = fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer' }).then(async (res) => {
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        return createObjectURL(await res.blob());
      });
      cache.set(url, loading);
      // A failure is not kept: the next element (or a later visit) may try again.
      loading.catch(() => cache.get(url) === loading && cache.delete(url));
      while (cache.size > max) drop(cache.keys().next().value!);
      return loading;
    },
    release: drop,
  };
}
