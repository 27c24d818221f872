/**
 * Time limits of pre-trial detention as a configurable rule table, with the defaults of the
 * Criminal Procedures Law 3/2001 (DESIGN.md "Detention"). Pure: the server loads the previous
 * orders of a detention and asks `checkDetentionOrder` whether a new order may be issued.
 *
 * How an order is checked:
 * - Units: police and prosecution durations are in hours, court durations in days. A day is 24
 *   elapsed hours (a detention does not grow or shrink with daylight saving time).
 * - The issuing authority's own rule decides: an order longer than `maxPerOrder` is refused
 *   (DETENTION_ORDER_TOO_LONG); a higher authority has to issue it.
 * - Each authority's orders together may not exceed its `maxCumulative` (police 24 h, prosecution
 *   48 h, court 45 days at magistrate level): DETENTION_TOTAL_EXCEEDED.
 * - The first order starts at the arrest: the law counts the hold from the moment of arrest, so
 *   time held before an order was recorded is not given back. Every later order is an extension
 *   and continues from the current expiry, whenever it is issued.
 * - Once the current order has expired the person must already have been released: an order after
 *   an expiry is refused (DETENTION_EXPIRED), and so is a first order that would end in the past.
 * - Whatever the orders, detention may not run longer than `maxTotalMonths` calendar months from
 *   the arrest before referral to trial (DETENTION_TOTAL_EXCEEDED). With the default table the
 *   court's 45 days are reached first; the overall cap matters when a jurisdiction configures
 *   longer court extensions.
 */
import type { DetentionAuthority } from '../case-types/common-events';
import type { Labels } from '../workflow/types';

export type DetentionUnit = 'hours' | 'days';

export interface AuthorityDetentionRule {
  /** The unit in which orders of this authority state their duration. */
  unit: DetentionUnit;
  /** The longest single order this authority may issue, in `unit`. */
  maxPerOrder: number;
  /** The most all orders of this authority may add up to for one detention, in `unit`. */
  maxCumulative: number;
}

export interface DetentionRules {
  authorities: Readonly<Record<DetentionAuthority, AuthorityDetentionRule>>;
  /** Calendar months (UTC) from the arrest after which detention must end without a referral. */
  maxTotalMonths: number;
}

/** Criminal Procedures Law 3/2001: police 24 h, prosecution 48 h, court 15 days at a time, 45 in all. */
export const DEFAULT_DETENTION_RULES: DetentionRules = {
  authorities: {
    police: { unit: 'hours', maxPerOrder: 24, maxCumulative: 24 },
    prosecution: { unit: 'hours', maxPerOrder: 48, maxCumulative: 48 },
    court: { unit: 'days', maxPerOrder: 15, maxCumulative: 45 },
  },
  maxTotalMonths: 6,
};

/**
 * Shorter limits for a juvenile (Decree-Law 4/2016: detention only as a last resort, for the
 * shortest time). Model defaults to be confirmed against the decree-law by each deployment: police
 * 24 h, prosecution 24 h, court 10 days at a time and 30 in all, 3 months overall. Configurable
 * with QADIYA_JUVENILE_DETENTION_RULES.
 */
export const DEFAULT_JUVENILE_DETENTION_RULES: DetentionRules = {
  authorities: {
    police: { unit: 'hours', maxPerOrder: 24, maxCumulative: 24 },
    prosecution: { unit: 'hours', maxPerOrder: 24, maxCumulative: 24 },
    court: { unit: 'days', maxPerOrder: 10, maxCumulative: 30 },
  },
  maxTotalMonths: 3,
};

export interface PreviousDetentionOrder {
  authority: DetentionAuthority;
  startsAt: Date;
  expiresAt: Date;
}

export interface DetentionOrderRequest {
  authority: DetentionAuthority;
  /** In the authority's unit: hours for police and prosecution, days for the court. */
  duration: number;
  arrestedAt: Date;
  /** The earlier orders of the same detention, in any order. */
  previousOrders: readonly PreviousDetentionOrder[];
  now: Date;
}

export type DetentionRuleCode =
  | 'DETENTION_ORDER_TOO_LONG'
  | 'DETENTION_TOTAL_EXCEEDED'
  | 'DETENTION_EXPIRED'
  | 'DETENTION_INVALID_DURATION';

export type DetentionOrderCheck =
  | { ok: true; startsAt: Date; expiresAt: Date }
  | {
      ok: false;
      code: DetentionRuleCode;
      message: Labels;
      /** Machine-readable limits for the client, e.g. `{ maxPerOrder: 24, unit: 'hours' }`. */
      details: Record<string, unknown>;
    };

const HOUR_MS = 3_600_000;
const UNIT_MS: Record<DetentionUnit, number> = { hours: HOUR_MS, days: 24 * HOUR_MS };
const UNIT_AR: Record<DetentionUnit, string> = { hours: 'ساعة', days: 'يوماً' };
const AUTHORITY_AR: Record<DetentionAuthority, string> = {
  police: 'الشرطة',
  prosecution: 'النيابة العامة',
  court: 'المحكمة',
};

/** A date `months` calendar months after `date` (UTC), clamped to the end of a shorter month. */
export function addCalendarMonths(date: Date, months: number): Date {
  const target = new Date(date.getTime());
  const day = target.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** Problems with a rule table (empty when it is usable); checked when configuration loads. */
export function detentionRulesProblems(rules: DetentionRules): string[] {
  const problems: string[] = [];
  for (const [authority, rule] of Object.entries(rules.authorities)) {
    if (!Number.isFinite(rule.maxPerOrder) || rule.maxPerOrder <= 0) {
      problems.push(`${authority}: maxPerOrder must be a positive number`);
    }
    if (!Number.isFinite(rule.maxCumulative) || rule.maxCumulative < rule.maxPerOrder) {
      problems.push(`${authority}: maxCumulative must be at least maxPerOrder`);
    }
  }
  if (!Number.isInteger(rules.maxTotalMonths) || rules.maxTotalMonths <= 0) {
    problems.push('maxTotalMonths must be a positive whole number');
  }
  return problems;
}

/** May this order be issued now, and if so when does it start and expire? */
export function checkDetentionOrder(
  rules: DetentionRules,
  request: DetentionOrderRequest,
): DetentionOrderCheck {
  const rule = rules.authorities[request.authority];
  const unitMs = UNIT_MS[rule.unit];
  const who = { ar: AUTHORITY_AR[request.authority], en: request.authority };
  if (!Number.isFinite(request.duration) || request.duration <= 0) {
    return refuse(
      'DETENTION_INVALID_DURATION',
      { ar: 'مدة التوقيف يجب أن تكون موجبة', en: 'The detention period must be positive' },
      { unit: rule.unit },
    );
  }
  if (request.duration > rule.maxPerOrder) {
    return refuse(
      'DETENTION_ORDER_TOO_LONG',
      {
        ar: `لا تملك ${who.ar} التوقيف أكثر من ${rule.maxPerOrder} ${UNIT_AR[rule.unit]} في الأمر الواحد؛ يلزم أمر من جهة أعلى`,
        en: `A ${who.en} order may not exceed ${rule.maxPerOrder} ${rule.unit}; a higher authority must issue it`,
      },
      { authority: request.authority, maxPerOrder: rule.maxPerOrder, unit: rule.unit },
    );
  }

  const currentExpiry = latestExpiry(request.previousOrders);
  if (currentExpiry !== null && currentExpiry.getTime() <= request.now.getTime()) {
    return refuse(
      'DETENTION_EXPIRED',
      {
        ar: 'انتهت مدة التوقيف السابقة؛ كان يجب إخلاء سبيل الموقوف ولا يجوز تمديدها بعد انتهائها',
        en: 'The current detention order has expired: the person must already have been released',
      },
      { expiredAt: currentExpiry.toISOString() },
    );
  }
  const startsAt = currentExpiry ?? request.arrestedAt;
  const expiresAt = new Date(startsAt.getTime() + request.duration * unitMs);
  if (expiresAt.getTime() <= request.now.getTime()) {
    return refuse(
      'DETENTION_EXPIRED',
      {
        ar: 'المدة المطلوبة محسوبة من وقت القبض انتهت بالفعل؛ كان يجب إخلاء سبيل الموقوف',
        en: 'Counted from the arrest, this period is already over: the person must already have been released',
      },
      { startsAt: startsAt.toISOString(), expiresAt: expiresAt.toISOString() },
    );
  }

  const usedMs = request.previousOrders
    .filter((order) => order.authority === request.authority)
    .reduce((sum, order) => sum + (order.expiresAt.getTime() - order.startsAt.getTime()), 0);
  const allowedMs = rule.maxCumulative * unitMs;
  if (usedMs + request.duration * unitMs > allowedMs) {
    const remaining = Math.max(0, Math.floor((allowedMs - usedMs) / unitMs));
    return refuse(
      'DETENTION_TOTAL_EXCEEDED',
      {
        ar: `مجموع مدد التوقيف بأمر ${who.ar} لا يجوز أن يتجاوز ${rule.maxCumulative} ${UNIT_AR[rule.unit]}`,
        en: `Orders of the ${who.en} may not add up to more than ${rule.maxCumulative} ${rule.unit} (${remaining} left)`,
      },
      {
        authority: request.authority,
        maxCumulative: rule.maxCumulative,
        unit: rule.unit,
        remaining,
      },
    );
  }

  const overallLimit = addCalendarMonths(request.arrestedAt, rules.maxTotalMonths);
  if (expiresAt.getTime() > overallLimit.getTime()) {
    return refuse(
      'DETENTION_TOTAL_EXCEEDED',
      {
        ar: `لا يجوز أن يتجاوز التوقيف ${rules.maxTotalMonths} أشهر من تاريخ القبض قبل الإحالة إلى المحاكمة`,
        en: `Detention may not exceed ${rules.maxTotalMonths} months from the arrest before referral to trial`,
      },
      { maxTotalMonths: rules.maxTotalMonths, latestExpiry: overallLimit.toISOString() },
    );
  }
  return { ok: true, startsAt, expiresAt };
}

function latestExpiry(orders: readonly PreviousDetentionOrder[]): Date | null {
  let latest: Date | null = null;
  for (const order of orders) {
    if (latest === null || order.expiresAt.getTime() > latest.getTime()) latest = order.expiresAt;
  }
  return latest;
}

function refuse(
  code: DetentionRuleCode,
  message: Labels,
  details: Record<string, unknown>,
): DetentionOrderCheck {
  return { ok: false, code, message, details };
}
