/**
 * Extraction where the worker has no DOM (Chrome's service worker): an offscreen document
 * (reason DOM_PARSER) parses and extracts, asked by message. It is created on first use and
 * closed after a minute without work, so it costs nothing while no article is loading.
 */
import { t } from '../i18n/t';
import type { ExtractResult } from './extract-article';
import type { Extractor } from './load-article';

/** The message the offscreen document answers (and no other page does). */
export interface OffscreenExtractRequest {
  target: 'orrery-offscreen';
  type: 'extract-article';
  html: string;
  url: string;
}

/** Whether a runtime message is meant for the offscreen extractor. */
export function isOffscreenRequest(m: unknown): m is OffscreenExtractRequest {
  const r = m as Partial<OffscreenExtractRequest> | null;
  return typeof r === 'object' && r !== null && r.target === 'orrery-offscreen' && r.type === 'extract-article' && typeof r.html === 'string' && typeof r.url === 'string';
}

/** The slice of Chrome's APIs the extractor uses (injected: tests and Firefox have none). */
export interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  closeDocument(): Promise<void>;
  hasDocument(): Promise<boolean>;
  sendMessage(m: OffscreenExtractRequest): Promise<unknown>;
}

const IDLE_CLOSE_MS = 60_000;

/** An Extractor that runs in an offscreen document at `path` (e.g. '/offscreen.html'). */
export function offscreenExtractor(api: OffscreenApi, path: string): Extractor {
  let opening: Promise<void> | undefined;
  let busy = 0;
  let idle: ReturnType<typeof setTimeout> | undefined;
  const ensure = (): Promise<void> => {
    opening ??= (async () => {
      if (await api.hasDocument()) return;
      await api.createDocument({ url: path, reasons: ['DOM_PARSER'], justification: 'Extract the article of a post page with Readability (needs DOMParser)' });
    })().catch((err: unknown) => {
      opening = undefined;
      throw err;
    });
    return opening;
  };
  const scheduleClose = () => {
    clearTimeout(idle);
    idle = setTimeout(() => {
      if (busy > 0) return;
      opening = undefined;
      void api.closeDocument().catch(() => undefined);
    }, IDLE_CLOSE_MS);
  };
  return async (html, url) => {
    busy++;
    clearTimeout(idle);
    try {
      await ensure();
      const reply = (await api.sendMessage({ target: 'orrery-offscreen', type: 'extract-article', html, url })) as ExtractResult | undefined;
      if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') throw new Error(t('fulltext_noReader'));
      return reply;
    } finally {
      busy--;
      if (busy === 0) scheduleClose();
    }
  };
}
