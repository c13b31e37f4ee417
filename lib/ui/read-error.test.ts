import { describe, expect, it } from 'vitest';
import { readErrorText } from './read-error';

const domError = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('readErrorText', () => {
  it('says a read the browser stopped in plain words, whichever browser worded it', () => {
    // Chromium's and Firefox's own messages for an aborted transaction.
    expect(readErrorText(domError('AbortError', 'The transaction was aborted, so the request cannot be fulfilled.'))).toBe('the browser stopped the read before it ended.');
    expect(readErrorText(domError('AbortError', 'A request was aborted, for example through a call to IDBTransaction.abort.'))).toBe('the browser stopped the read before it ended.');
  });

  it('tells the reader to reload a page older than the database', () => {
    expect(readErrorText(domError('VersionError', 'The requested version (8) is less than the existing version (9).'))).toBe('Orrery was updated since this page opened. Reload the page.');
  });

  it('keeps any other error’s own message, or its name, or the value', () => {
    expect(readErrorText(domError('UnknownError', 'Internal error opening backing store.'))).toBe('Internal error opening backing store.');
    expect(readErrorText(domError('DataError', ''))).toBe('DataError');
    expect(readErrorText('gone')).toBe('gone');
    expect(readErrorText({ name: 'AbortError' })).toBe('the browser stopped the read before it ended.');
  });
});
