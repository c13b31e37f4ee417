import { describe, expect, it } from 'vitest';
import { transactionCause } from './transaction-cause';

const quota = new DOMException('', 'QuotaExceededError');
const abort = new DOMException('A request was aborted', 'AbortError');

describe('transactionCause', () => {
  it("names the transaction's verdict over a pending request's AbortError", async () => {
    const done = Promise.reject(quota);
    expect(await transactionCause({ done }, abort)).toBe(quota);
  });

  it('keeps the thrown error when the transaction only says "AbortError"', async () => {
    const thrown = new DOMException('constraint', 'ConstraintError');
    expect(await transactionCause({ done: Promise.reject(abort) }, thrown)).toBe(thrown);
  });

  it('keeps the thrown error when the transaction went through', async () => {
    const bug = new TypeError('not a function');
    expect(await transactionCause({ done: Promise.resolve() }, bug)).toBe(bug);
  });
});
