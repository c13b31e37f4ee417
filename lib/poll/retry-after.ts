import { parseHttpDate } from './http-cache-headers';

/**
 * When a Retry-After header (RFC 9110 §10.2.3) allows the next request, as epoch milliseconds,
 * or undefined for an absent, malformed or negative value. Accepts delta-seconds and the three
 * HTTP-date spellings. A date in the past is returned as is (it means "now"; the caller floors
 * it). Pass the response's Date header to read an HTTP-date relative to the server's clock,
 * so a skewed local clock neither ignores nor stretches the wait.
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number,
  date?: string | null,
): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  // delta-seconds is 1*DIGIT: "-5", "1.5" and "" are not waits, they are garbage.
  if (/^\d+$/.test(text)) return now + Number(text) * 1000;
  const retryAt = parseHttpDate(text, now);
  if (retryAt === undefined) return undefined;
  const serverNow = parseHttpDate(date, now);
  return serverNow === undefined ? retryAt : now + (retryAt - serverNow);
}
