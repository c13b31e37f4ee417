import { describe, expect, it } from 'vitest';
import { storageFailure, storageFailureDetail } from './storage-error';

describe('storageFailure', () => {
  it('knows a spent quota or a full disk by the error name, even with no message (Chromium)', () => {
    expect(storageFailure(new DOMException('', 'QuotaExceededError'))).toEqual({ quota: true, name: 'QuotaExceededError', message: '' });
  });

  it('knows a full disk reported under another name by its message', () => {
    expect(storageFailure(new DOMException('Encountered full disk while committing: No space left on device', 'UnknownError')).quota).toBe(true);
    expect(storageFailure(new DOMException('The current transaction exceeded its quota limitations.', 'AbortError')).quota).toBe(true);
  });

  it('keeps any other refusal as the browser named it', () => {
    expect(storageFailure(new DOMException('Internal error committing transaction.', 'UnknownError'))).toEqual({
      quota: false,
      name: 'UnknownError',
      message: 'Internal error committing transaction.',
    });
    expect(storageFailure(new DOMException('The transaction was aborted.', 'AbortError')).quota).toBe(false);
  });

  it('copes with whatever was thrown', () => {
    expect(storageFailure('disk went away')).toEqual({ quota: false, name: 'Error', message: 'disk went away' });
    expect(storageFailure(undefined)).toEqual({ quota: false, name: 'Error', message: '' });
    expect(storageFailure({ name: 42 })).toEqual({ quota: false, name: 'Error', message: '' });
  });

  it('says name and message together, or the name alone', () => {
    expect(storageFailureDetail({ quota: false, name: 'UnknownError', message: 'Internal error.' })).toBe('UnknownError: Internal error.');
    expect(storageFailureDetail({ quota: true, name: 'QuotaExceededError', message: '' })).toBe('QuotaExceededError');
  });
});
