import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/client';
import { isSealable, isSealForbidden, maySealDocuments, type Sealer } from './documents-seal';
import type { CasePage } from './types';

const fileId = 'file-1';
const page = (myRoles: string[], teamIds: string[]) =>
  ({
    id: fileId,
    myRoles,
    team: teamIds.map((userId) => ({ userId })),
  }) as unknown as CasePage;
const user = (id: string, assignments: Sealer['assignments'] = []): Sealer => ({ id, assignments });

describe('who is offered the seal', () => {
  it('offers it to a prosecutor, chief prosecutor or judge of the file team', () => {
    for (const role of ['prosecutor', 'chief_prosecutor', 'judge']) {
      expect(maySealDocuments(page([role], ['me']), user('me'))).toBe(true);
    }
  });

  it('does not offer it to other roles of the team', () => {
    expect(maySealDocuments(page(['court_clerk'], ['me']), user('me'))).toBe(false);
    expect(maySealDocuments(page(['police_investigator'], ['me']), user('me'))).toBe(false);
    expect(maySealDocuments(page([], ['me']), user('me'))).toBe(false);
  });

  it('needs the team or a specific grant for this file: an institution-wide grant is not enough', () => {
    expect(maySealDocuments(page(['chief_prosecutor'], ['someone']), user('me'))).toBe(false);
    const specific = user('me', [{ grantKind: 'specific', caseId: fileId }]);
    expect(maySealDocuments(page(['chief_prosecutor'], []), specific)).toBe(true);
    const otherFile = user('me', [{ grantKind: 'specific', caseId: 'file-2' }]);
    expect(maySealDocuments(page(['chief_prosecutor'], []), otherFile)).toBe(false);
    const standard = user('me', [{ grantKind: 'standard', caseId: null }]);
    expect(maySealDocuments(page(['chief_prosecutor'], []), standard)).toBe(false);
  });
});

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
