/** Keeping a value's identity while what a page shows of it is the same, so memoized views skip their render. */
import { useRef } from 'preact/hooks';

/**
 * Returns the previous value while `key` gives the same string for the new one: a re-read
 * after a refresh of 304s brings 545 new feed objects that show exactly what the old ones did.
 */
export function useSameUnless<T>(value: T, key: (v: T) => string): T {
  const kept = useRef<{ value: T; key: string } | undefined>(undefined);
  const k = key(value);
  if (kept.current?.key !== k) kept.current = { value, key: k };
  return kept.current.value;
}
