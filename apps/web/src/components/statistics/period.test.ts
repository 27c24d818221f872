import { describe, expect, it } from 'vitest';
import {
  filtersFromParams,
  filtersToParams,
  isIsoDate,
  lastFullYear,
  periodProblem,
  yearToDate,
} from './period';

// Tests run with TZ=UTC, so local and UTC days agree.
const now = new Date('2026-03-14T10:00:00Z');
const INSTITUTION = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

describe('the statistics period', () => {
  it('defaults to the last full calendar year, with this year so far one click away', () => {
    expect(lastFullYear(now)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(yearToDate(now)).toEqual({ from: '2026-01-01', to: '2026-03-14' });
    expect(lastFullYear(new Date('2026-01-01T00:00:00Z'))).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
  });

  it('says what is wrong with a period typed by the user', () => {
    expect(periodProblem({ from: '2025-01-01', to: '2025-12-31' })).toBeNull();
    expect(periodProblem({ from: '2025-01-01', to: '2025-01-01' })).toBeNull();
    expect(periodProblem({ from: '', to: '2025-12-31' })).toBe('invalidFrom');
    expect(periodProblem({ from: '2025-02-30', to: '2025-12-31' })).toBe('invalidFrom');
    expect(periodProblem({ from: '2025-01-01', to: '31/12/2025' })).toBe('invalidTo');
    expect(periodProblem({ from: '2025-06-01', to: '2025-05-31' })).toBe('reversed');
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
  });

  it('reads the filters from the address, falling back on the defaults', () => {
    const params = new URLSearchParams({
      from: '2024-01-01',
      to: '2024-06-30',
      institutionId: INSTITUTION,
    });
    const filters = filtersFromParams(params, now);
    expect(filters).toEqual({ from: '2024-01-01', to: '2024-06-30', institutionId: INSTITUTION });
    expect(filtersFromParams(filtersToParams(filters), now)).toEqual(filters);

    expect(filtersFromParams(new URLSearchParams(), now)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      institutionId: null,
    });
    // A reversed period or a malformed institution is not sent to the server.
    const bad = new URLSearchParams({ from: '2025-06-01', to: '2025-01-01', institutionId: 'x' });
    expect(filtersFromParams(bad, now)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      institutionId: null,
    });
  });

  it('leaves the institution out of the address when none is chosen', () => {
    const params = filtersToParams({ from: '2025-01-01', to: '2025-12-31', institutionId: null });
    expect(params.toString()).toBe('from=2025-01-01&to=2025-12-31');
  });
});
