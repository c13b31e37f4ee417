import type { EntityLookup } from './decode-entities.ts';

/** Most characters all declared-entity expansions of one document may produce together. */
const TOTAL_BUDGET = 1_000_000;
/** Longest value one declared entity may expand to. */
const MAX_VALUE = 4096;
/** How deep entity values may refer to other entities (billion laughs nests ten levels). */
const MAX_DEPTH = 3;

const DECL_RE = /<!ENTITY\s+([A-Za-z_][\w.-]*)\s+(?:"([^"]*)"|'([^']*)')\s*>/g;
const REF_RE = /&([A-Za-z_][\w.-]*);/g;

/**
 * Internal general entities declared in a DOCTYPE's internal subset, with bounded expansion.
 *
 * Why bounded: a document may nest entities exponentially ("billion laughs"), so values are
 * capped, nesting is capped, and the whole document shares one budget; once spent, references
 * are left as written. External entities (SYSTEM/PUBLIC) never match DECL_RE, so they are never
 * fetched or read (no XXE); parameter entities (%) are ignored too.
 */
export function readDoctypeEntities(subset: string): EntityLookup | undefined {
  const raw = new Map<string, string>();
  DECL_RE.lastIndex = 0;
  for (let m = DECL_RE.exec(subset); m !== null; m = DECL_RE.exec(subset)) {
    const name = m[1] as string;
    if (!raw.has(name)) raw.set(name, m[2] ?? m[3] ?? '');
  }
  if (raw.size === 0) return undefined;

  let budget = TOTAL_BUDGET;
  const expand = (value: string, depth: number): string => {
    if (value.indexOf('&') === -1) return value;
    const out = value.replace(REF_RE, (ref: string, name: string) => {
      const inner = raw.get(name);
      if (inner === undefined || depth >= MAX_DEPTH) return ref;
      return expand(inner, depth + 1).slice(0, MAX_VALUE);
    });
    return out.slice(0, MAX_VALUE);
  };
  const cache = new Map<string, string>();
  return {
    get(name: string): string | undefined {
      const value = raw.get(name);
      if (value === undefined) return undefined;
      let expanded = cache.get(name);
      if (expanded === undefined) {
        expanded = expand(value, 0);
        cache.set(name, expanded);
      }
      if (expanded.length > budget) return undefined;
      budget -= expanded.length;
      return expanded;
    },
  };
}
