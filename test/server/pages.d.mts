/** A page or file the fixture server serves at a fixed URL. */
export interface FixturePage {
  type: string;
  body: string | Buffer;
}

/** URL -> page. */
export const pages: Record<string, FixturePage>;
