import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/client';
import { isSealable, isSealForbidden } from './documents-seal';

describe('which documents can be sealed', () => {
  it('is an open document whose content is kept', () => {
    expect(isSealable({ isSealed: false, disposedAt: null })).toBe(true);
    expect(isSealable({ isSealed: true, disposedAt: null })).toBe(false);
    expect(isSealable({ isSealed: false, disposedAt: '2026-01-01T00:00:00.000Z' })).toBe(false);
  });
});

describe('a refused seal', () => {
  it('is recognised when the server forbids it, not for other errors', () => {
    const forbidden = new ApiError(403, { code: 'FORBIDDEN', message: 'no', details: {} });
    expect(isSealForbidden(forbidden)).toBe(true);
    const invalid = new ApiError(400, { code: 'VALIDATION_FAILED', message: 'x', details: {} });
    expect(isSealForbidden(invalid)).toBe(false);
    expect(isSealForbidden(new NetworkError(new Error('down')))).toBe(false);
    expect(isSealForbidden(null)).toBe(false);
  });
});
