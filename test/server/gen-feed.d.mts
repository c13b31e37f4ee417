/** The URL path of a generated feed of `n` posts per step. */
export function genPath(feed: number, n: number): string;
/** The document of a generated feed at `step`, and its validator. */
export function genFeed(feed: number, n: number, step: number, host: string, base: number): { body: Buffer; etag: string };
