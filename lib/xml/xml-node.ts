/** A text run or an element: the children of an element in the lenient XML tree. */
export type XmlChild = XmlElement | string;

/** One element of the lenient XML tree (see parse-xml.ts). */
export interface XmlElement {
  /** The qualified name as written ("dc:creator", "title"). */
  name: string;
  /**
   * The namespace-normalized name: the local name for the feed format's own vocabulary, else
   * "prefix:local" with the usual prefix of a well-known namespace (see namespace-prefixes.ts),
   * so `<foo:encoded xmlns:foo="…/content/">` reads as "content:encoded". Always lower case.
   */
  key: string;
  /** Attribute values with references decoded, keyed by qualified name as written. */
  attrs: Record<string, string>;
  /** Text runs (references decoded, CDATA unwrapped) and child elements, in document order. */
  children: XmlChild[];
  /** The base URL in effect for this element: xml:base resolved against its parent's. */
  base: string;
}
