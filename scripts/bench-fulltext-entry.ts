// Bundled by scripts/bench-fulltext.ts and run in Chromium: Orrery's extraction, and
// Readability alone (no repair, no base URL) as the baseline it is measured against.
import { Readability } from '@mozilla/readability';
import { extractFromHtml } from '../lib/fulltext/extract-article';

(globalThis as { orreryFulltext?: unknown }).orreryFulltext = { extractFromHtml, Readability };
