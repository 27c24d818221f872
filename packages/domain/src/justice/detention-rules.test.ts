import { describe, expect, it } from 'vitest';
import {
  addCalendarMonths,
  checkDetentionOrder,
  DEFAULT_DETENTION_RULES,
  detentionRulesProblems,
  type DetentionRules,
  type PreviousDetentionOrder,
} from './detention-rules';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const arrestedAt = new Date('2026-03-01T08:00:00Z');
const at = (ms: number) => new Date(arrestedAt.getTime() + ms);
const rules = DEFAULT_DETENTION_RULES;

function order(
  authority: PreviousDetentionOrder['authority'],
  startMs: number,
  lengthMs: number,
): PreviousDetentionOrder {
  return { authority, startsAt: at(startMs), expiresAt: at(startMs + lengthMs) };
}

describe('checkDetentionOrder with the defaults of Law 3/2001', () => {
  it('lets the police hold for up to 24 hours from the arrest, and refuses 25', () => {
    const ok = checkDetentionOrder(rules, {
      authority: 'police',
      duration: 24,
      arrestedAt,
      previousOrders: [],
      now: at(HOUR),
    });
    expect(ok).toEqual({ ok: true, startsAt: arrestedAt, expiresAt: at(24 * HOUR) });

    const tooLong = checkDetentionOrder(rules, {
      authority: 'police',
      duration: 25,
      arrestedAt,
      previousOrders: [],
      now: at(HOUR),
    });
    expect(tooLong).toMatchObject({
      ok: false,
      code: 'DETENTION_ORDER_TOO_LONG',
      details: { authority: 'police', maxPerOrder: 24, unit: 'hours' },
    });
    if (!tooLong.ok) {
      expect(tooLong.message.en).toMatch(/higher authority/);
      expect(tooLong.message.ar).toMatch(/الشرطة/);
    }
  });

  it('continues a prosecution order of 48 hours from the end of the police hold', () => {
    const result = checkDetentionOrder(rules, {
      authority: 'prosecution',
      duration: 48,
      arrestedAt,
      previousOrders: [order('police', 0, 24 * HOUR)],
      now: at(20 * HOUR),
    });
    expect(result).toEqual({ ok: true, startsAt: at(24 * HOUR), expiresAt: at(72 * HOUR) });
  });

  it('refuses a prosecution order of 49 hours, and a second one beyond 48 hours in all', () => {
    expect(
      checkDetentionOrder(rules, {
        authority: 'prosecution',
        duration: 49,
        arrestedAt,
        previousOrders: [],
        now: at(HOUR),
      }),
    ).toMatchObject({ ok: false, code: 'DETENTION_ORDER_TOO_LONG' });
    expect(
      checkDetentionOrder(rules, {
        authority: 'prosecution',
        duration: 24,
        arrestedAt,
        previousOrders: [order('prosecution', 0, 30 * HOUR)],
        now: at(HOUR),
      }),
    ).toMatchObject({
      ok: false,
      code: 'DETENTION_TOTAL_EXCEEDED',
      details: { authority: 'prosecution', maxCumulative: 48, remaining: 18 },
    });
  });

  it('counts court extensions in days: 15 at a time, 45 in all', () => {
    const prosecution = order('prosecution', 0, 48 * HOUR);
    const first = checkDetentionOrder(rules, {
      authority: 'court',
      duration: 15,
      arrestedAt,
      previousOrders: [prosecution],
      now: at(40 * HOUR),
    });
    expect(first).toEqual({
      ok: true,
      startsAt: at(48 * HOUR),
      expiresAt: at(48 * HOUR + 15 * DAY),
    });
    expect(
      checkDetentionOrder(rules, {
        authority: 'court',
        duration: 16,
        arrestedAt,
        previousOrders: [prosecution],
        now: at(40 * HOUR),
      }),
    ).toMatchObject({ ok: false, code: 'DETENTION_ORDER_TOO_LONG', details: { unit: 'days' } });

    const extensions = [
      prosecution,
      order('court', 48 * HOUR, 15 * DAY),
      order('court', 48 * HOUR + 15 * DAY, 15 * DAY),
    ];
    const third = checkDetentionOrder(rules, {
      authority: 'court',
      duration: 15,
      arrestedAt,
      previousOrders: extensions,
      now: at(30 * DAY),
    });
    expect(third).toMatchObject({ ok: true, expiresAt: at(48 * HOUR + 45 * DAY) });

    const fourth = checkDetentionOrder(rules, {
      authority: 'court',
      duration: 1,
      arrestedAt,
      previousOrders: [...extensions, order('court', 48 * HOUR + 30 * DAY, 15 * DAY)],
      now: at(40 * DAY),
    });
    expect(fourth).toMatchObject({
      ok: false,
      code: 'DETENTION_TOTAL_EXCEEDED',
      details: { authority: 'court', maxCumulative: 45, remaining: 0 },
    });
  });

  it('refuses any order once the current one has expired', () => {
    const result = checkDetentionOrder(rules, {
      authority: 'prosecution',
      duration: 48,
      arrestedAt,
      previousOrders: [order('police', 0, 24 * HOUR)],
      now: at(24 * HOUR),
    });
    expect(result).toMatchObject({ ok: false, code: 'DETENTION_EXPIRED' });
  });

  it('refuses a first order that, counted from the arrest, is already over', () => {
    const result = checkDetentionOrder(rules, {
      authority: 'police',
      duration: 24,
      arrestedAt,
      previousOrders: [],
      now: at(30 * HOUR),
    });
    expect(result).toMatchObject({ ok: false, code: 'DETENTION_EXPIRED' });
    // The prosecution's 48 hours from the same arrest still run.
    expect(
      checkDetentionOrder(rules, {
        authority: 'prosecution',
        duration: 48,
        arrestedAt,
        previousOrders: [],
        now: at(30 * HOUR),
      }),
    ).toMatchObject({ ok: true, expiresAt: at(48 * HOUR) });
  });

  it('refuses a non-positive duration', () => {
    expect(
      checkDetentionOrder(rules, {
        authority: 'court',
        duration: 0,
        arrestedAt,
        previousOrders: [],
        now: at(HOUR),
      }),
    ).toMatchObject({ ok: false, code: 'DETENTION_INVALID_DURATION' });
  });
});

describe('a configured rule table', () => {
  const longCourt: DetentionRules = {
    authorities: {
      ...DEFAULT_DETENTION_RULES.authorities,
      court: { unit: 'days', maxPerOrder: 45, maxCumulative: 365 },
    },
    maxTotalMonths: 6,
  };

  it('caps detention at six calendar months from the arrest', () => {
    const previous = [0, 1, 2].map((i) => order('court', i * 45 * DAY, 45 * DAY));
    const withinSix = checkDetentionOrder(longCourt, {
      authority: 'court',
      duration: 45,
      arrestedAt,
      previousOrders: previous,
      now: at(100 * DAY),
    });
    // 1 March + 180 days = 28 August, before 1 September.
    expect(withinSix).toMatchObject({ ok: true, expiresAt: at(180 * DAY) });
    const beyond = checkDetentionOrder(longCourt, {
      authority: 'court',
      duration: 45,
      arrestedAt,
      previousOrders: [...previous, order('court', 135 * DAY, 45 * DAY)],
      now: at(170 * DAY),
    });
    expect(beyond).toMatchObject({
      ok: false,
      code: 'DETENTION_TOTAL_EXCEEDED',
      details: { maxTotalMonths: 6, latestExpiry: '2026-09-01T08:00:00.000Z' },
    });
  });

  it('reports problems with a table', () => {
    expect(detentionRulesProblems(DEFAULT_DETENTION_RULES)).toEqual([]);
    expect(
      detentionRulesProblems({
        authorities: {
          ...DEFAULT_DETENTION_RULES.authorities,
          police: { unit: 'hours', maxPerOrder: 0, maxCumulative: 24 },
          court: { unit: 'days', maxPerOrder: 15, maxCumulative: 10 },
        },
        maxTotalMonths: 0,
      }),
    ).toEqual([
      'police: maxPerOrder must be a positive number',
      'court: maxCumulative must be at least maxPerOrder',
      'maxTotalMonths must be a positive whole number',
    ]);
  });
});

describe('addCalendarMonths', () => {
  it('keeps the day and time, clamping to the end of a shorter month', () => {
    expect(addCalendarMonths(new Date('2026-03-01T08:00:00Z'), 6).toISOString()).toBe(
      '2026-09-01T08:00:00.000Z',
    );
    expect(addCalendarMonths(new Date('2026-08-31T10:00:00Z'), 6).toISOString()).toBe(
      '2027-02-28T10:00:00.000Z',
    );
    expect(addCalendarMonths(new Date('2027-08-31T10:00:00Z'), 6).toISOString()).toBe(
      '2028-02-29T10:00:00.000Z',
    );
  });
});
