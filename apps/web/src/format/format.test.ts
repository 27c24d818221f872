import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatHijri,
  formatNumber,
  formatPercent,
  fromLocalInputValue,
  toLocalInputValue,
} from './format';

describe('legal dates', () => {
  it('writes the Gregorian date with the Levantine month names used in Palestine', () => {
    expect(formatDate('2026-03-20', 'ar')).toBe('٢٠ آذار ٢٠٢٦');
    expect(formatDate('2026-03-20', 'en')).toBe('20 March 2026');
  });

  it('gives the Umm al-Qura Hijri date: Eid al-Fitr 1447 fell on 20 March 2026', () => {
    expect(formatHijri('2026-03-20', 'en')).toBe('1 Shawwal 1447 AH');
    expect(formatHijri('2026-03-20', 'ar')).toBe('١ شوال ١٤٤٧ هـ');
  });

  it('reads a date-only value as that calendar day whatever the time zone', () => {
    // Midnight UTC would be the previous day west of Greenwich; noon UTC is the same day everywhere.
    expect(formatDate('2026-01-01', 'en')).toBe('1 January 2026');
  });

  it('round-trips a datetime-local input value through an ISO instant', () => {
    const iso = fromLocalInputValue('2026-12-01T09:30');
    expect(iso).not.toBeNull();
    expect(toLocalInputValue(new Date(iso ?? ''))).toBe('2026-12-01T09:30');
    expect(fromLocalInputValue('not a date')).toBeNull();
  });
});

describe('numbers', () => {
  it('writes Arabic-Indic digits in Arabic and Latin digits in English', () => {
    expect(formatNumber(1234, 'ar')).toBe('١٬٢٣٤');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(12.345, 'ar', { maximumFractionDigits: 1 })).toBe('١٢٫٣');
  });

  it('writes a share given in percent with at most one decimal', () => {
    expect(formatPercent(75.55, 'en')).toBe('75.6%');
    expect(formatPercent(90, 'en')).toBe('90%');
    // Arabic: Arabic-Indic digits and the Arabic percent sign (with its letter mark).
    expect(formatPercent(75.5, 'ar')).toMatch(/^٧٥٫٥٪/);
  });
});
