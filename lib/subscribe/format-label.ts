/** The feed format and version in words, for the grade ("RSS 2.0", "Atom 1.0", "JSON Feed 1.1"). */
import type { ParsedFeed } from '../feed/types';

/** Names the format, reading a version from the document's first bytes when it states one. */
export function formatLabel(format: ParsedFeed['format'], head: string): string {
  switch (format) {
    case 'rss': {
      const version = /<rss\b[^>]*\bversion\s*=\s*["']([\d.]+)["']/i.exec(head)?.[1];
      return version ? `RSS ${version}` : 'RSS';
    }
    case 'rdf':
      return 'RSS 1.0 (RDF)';
    case 'atom':
      return /xmlns\s*=\s*["']http:\/\/purl\.org\/atom\/ns#["']/i.test(head) ? 'Atom 0.3' : 'Atom 1.0';
    case 'json': {
      const version = /jsonfeed\.org\/version\/([\d.]+)/i.exec(head)?.[1];
      return version ? `JSON Feed ${version}` : 'JSON Feed';
    }
  }
}
