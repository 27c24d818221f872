import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import {
  apiQuery,
  excerptParts,
  localProblems,
  readCriteria,
  serverProblems,
  writeCriteria,
} from './criteria';

function invalid(field: string, problem: string) {
  return new ApiError(400, {
    code: 'VALIDATION_FAILED',
    message: `Invalid querystring field "${field}": ${problem}`,
    details: { issues: [{ field, in: 'querystring', problem }] },
  });
}

const none = readCriteria(new URLSearchParams());

describe('case-search criteria', () => {
  it('round-trips through the address, leaving out empty criteria', () => {
    const params = writeCriteria({ q: ' سرقة ', caseType: 'prosecution_file', state: '' });
    expect(params.toString()).toBe(
      new URLSearchParams({ q: 'سرقة', caseType: 'prosecution_file' }).toString(),
    );
    expect(readCriteria(params)).toEqual({ ...none, q: 'سرقة', caseType: 'prosecution_file' });
  });

  it('sends a file number as a number and anything else as part of a reference', () => {
    expect(apiQuery({ ...none, number: '774/2026' }, 'u1')).toMatchObject({
      number: '774/2026',
      reference: undefined,
    });
    expect(apiQuery({ ...none, number: '774' }, 'u1')).toMatchObject({ number: '774' });
    expect(apiQuery({ ...none, number: 'RAM-PRO/PF' }, 'u1')).toMatchObject({
      number: undefined,
      reference: 'RAM-PRO/PF',
    });
    expect(apiQuery({ ...none, mine: '1' }, 'u1').assigneeId).toBe('u1');
    expect(apiQuery(none, 'u1').assigneeId).toBeUndefined();
  });

  it('tells bad dates, a reversed range and an over-long query before asking', () => {
    expect(localProblems({ ...none, openedFrom: '2026-02-30' })).toEqual({ openedFrom: 'date' });
    expect(localProblems({ ...none, openedFrom: '2026-05-01', openedTo: '2026-04-01' })).toEqual({
      openedTo: 'range',
    });
    expect(localProblems({ ...none, q: 'x'.repeat(201) })).toEqual({ q: 'tooLong' });
    expect(localProblems({ ...none, q: 'سرقة', openedFrom: '2026-04-01' })).toEqual({});
  });

  it('puts the server’s 400s next to the fields they name', () => {
    expect(serverProblems(invalid('q', 'is too short: type at least two letters'))).toEqual({
      q: 'tooShort',
    });
    expect(serverProblems(invalid('q', 'is missing: give q or a filter'))).toEqual({ q: 'empty' });
    expect(
      serverProblems(invalid('q', 'has only very common words (في، من، على، عليه…), which are…')),
    ).toEqual({ q: 'commonWords' });
    expect(serverProblems(invalid('q', 'must NOT have more than 200 characters'))).toEqual({
      q: 'tooLong',
    });
    expect(serverProblems(invalid('openedTo', 'is before openedFrom'))).toEqual({
      openedTo: 'range',
    });
    expect(serverProblems(invalid('reference', 'must NOT have fewer than 2 characters'))).toEqual({
      number: 'number',
    });
    expect(serverProblems(new Error('boom'))).toEqual({});
  });

  it('cuts a marked excerpt into plain and marked parts, as text only', () => {
    expect(excerptParts('سرقة من <mark>محل</mark> تجاري <mark><b>x</b></mark>')).toEqual([
      { text: 'سرقة من ', marked: false },
      { text: 'محل', marked: true },
      { text: ' تجاري ', marked: false },
      { text: '<b>x</b>', marked: true },
    ]);
  });
});
