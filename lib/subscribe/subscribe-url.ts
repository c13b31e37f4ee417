/** Subscribing in one step (the subscribe button without a preview on screen yet). */
import { tn } from '../i18n/t';
import { confirmSubscription, type ConfirmResult } from './confirm-subscription';
import { previewUrl, type PreviewDeps } from './preview-url';
import type { FeedCandidate } from './types';

/** The outcome: subscribed, or why not (with the choices when a site offers several feeds). */
export type SubscribeResult = ConfirmResult | { ok: false; error: string; choices: FeedCandidate[]; pageUrl: string };

/**
 * Previews what `input` points at (a feed, or a site: its one feed, or the usual addresses
 * when it links none) and subscribes when that is a single feed; a site with several feeds
 * returns them to choose from. The response read for the preview is the first poll.
 */
export async function subscribeToUrl(input: string, opts: { title?: string; folder?: string }, deps: PreviewDeps): Promise<SubscribeResult> {
  const reply = await previewUrl(input, deps, { probe: true });
  switch (reply.kind) {
    case 'error':
      return { ok: false, error: reply.error };
    case 'opml':
      return { ok: false, error: tn('error_isOpml', reply.feedCount, { url: reply.url }) };
    case 'choices':
      return {
        ok: false,
        error: tn('error_choose', reply.candidates.length, { url: reply.pageUrl }),
        choices: reply.candidates,
        pageUrl: reply.pageUrl,
      };
    case 'feed':
      return confirmSubscription({ token: reply.preview.token, url: reply.preview.url, ...opts }, deps);
  }
}
