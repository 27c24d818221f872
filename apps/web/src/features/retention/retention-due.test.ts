import { describe, expect, it } from 'vitest';
import { ApiError, NetworkError } from '../../api/client';
import { disposalRefusalOf, withoutDocument, type RetentionDueItem } from './retention-due';

const item = (documentId: string): RetentionDueItem => ({
  documentId,
  caseId: 'file-1',
  caseReference: 'PF-RAM-2016-000001',
  title: 'محضر',
  documentType: 'police_report',
  fileClosedAt: '2016-01-01T00:00:00.000Z',
  retentionDays: 3650,
});
const refused = (status: number, code: string) =>
  new ApiError(status, { code, message: 'English for the log', details: {} });

describe('the list after a disposal', () => {
  it('drops the disposed document and keeps the others in order', () => {
    const list = { items: [item('a'), item('b'), item('c')] };
    expect(withoutDocument(list, 'b')?.items.map((i) => i.documentId)).toEqual(['a', 'c']);
    expect(withoutDocument(list, 'z')?.items).toHaveLength(3);
    expect(list.items).toHaveLength(3);
  });

  it('leaves a list not loaded yet alone', () => {
    expect(withoutDocument(undefined, 'a')).toBeUndefined();
  });
});

describe('a refused disposal', () => {
  it('names the refusals the screen words itself', () => {
    expect(disposalRefusalOf(refused(403, 'FORBIDDEN'))).toBe('forbidden');
    expect(disposalRefusalOf(refused(409, 'RETENTION_NOT_DUE'))).toBe('notDue');
    expect(disposalRefusalOf(refused(410, 'DOCUMENT_DISPOSED'))).toBe('alreadyDisposed');
  });

  it('leaves anything else to the common error display', () => {
    expect(disposalRefusalOf(refused(404, 'NOT_FOUND'))).toBeNull();
    expect(disposalRefusalOf(refused(400, 'VALIDATION_FAILED'))).toBeNull();
    expect(disposalRefusalOf(new NetworkError(new Error('down')))).toBeNull();
    expect(disposalRefusalOf(undefined)).toBeNull();
  });
});
