/** The URL path of a generated feed of `n` posts per step. */
export function genPath(feed: number, n: number): string;
/** The document of a generated feed at `step`, and its validator. */
export function genFeed(feed: number, n: number, step: number, host: string, base: number): { body: Buffer; etag: string };
/** genFeed, kept for the newest step (documents of older steps are dropped). */
export function genFeedCached(feed: number, n: number, step: number, host: string, base: number): { body: Buffer; etag: string };
/** Generates the documents of feeds 0..feeds-1 at `step` before they are asked for. */
export function warmGen(feeds: number, n: number, step: number, hostOf: (feed: number) => string, base: number): void;
