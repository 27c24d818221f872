/**
 * مذكرة توقيف and طلب تمديد توقيف: the order that commits a detainee to custody (from the detention's
 * latest order by the prosecution or a court) and the prosecution's request to the magistrate to
 * extend it. Both name the detainee in full, with the national ID, because custody must identify
 * the person held; no other party is named.
 */
import { AppError, notFound } from '../http/errors';
import {
  baseData,
  chargeLines,
  issuedOn,
  missingData,
  partyById,
  partyLine,
  stateConflict,
  type BuildContext,
  type BuiltDocument,
  type CasePage,
} from './document-data';
import { DETENTION_AUTHORITY_AR, FACILITY_AR } from './document-text';
import { dateAndTime } from './legal-dates';
import { LEGAL_TEMPLATES } from './legal-templates';
import { detentionRules } from '../cases/actions/detention';
import type { Config } from '../config';

const HOUR = 3_600_000;

function openDetention(page: CasePage, detentionId: string) {
  const detention = page.detentions.find((d) => d.id === detentionId);
  if (!detention) throw notFound('Detention', detentionId);
  if (detention.released_at) {
    throw stateConflict(
      'DETENTION_ENDED',
      { ar: 'أُفرج عن الموقوف؛ لا توقيف قائم', en: 'The detainee has been released' },
      { detentionId, releasedAt: detention.released_at.toISOString() },
    );
  }
  const party = partyById(page, detention.party_id);
  if (!party) throw notFound('Party', detention.party_id);
  const orders = page.orders.filter((o) => o.detention_id === detention.id);
  return { detention, party, orders };
}

/** `48 ساعة` / `15 يوماً`: the length of an order in the unit its authority uses. */
function duration(startsAt: Date, expiresAt: Date, inDays: boolean): string {
  const hours = Math.round((expiresAt.getTime() - startsAt.getTime()) / HOUR);
  if (!inDays) return `${hours} ساعة`;
  const days = Math.round(hours / 24);
  return days === 1
    ? 'يوم واحد'
    : days === 2
      ? 'يومان'
      : days <= 10
        ? `${days} أيام`
        : `${days} يوماً`;
}

/** `10 أيام`, `15 يوماً` */
const days = (n: number): string => duration(new Date(0), new Date(n * 24 * HOUR), true);

async function detaineeLines(b: BuildContext, detentionId: string) {
  const { page, timeZone } = b;
  const found = openDetention(page, detentionId);
  const detainee = partyLine(page, found.party, true, await b.nationalIdOf(found.party.person_id));
  const charges = chargeLines(
    page,
    page.charges.filter(
      (c) =>
        c.party_id === found.party.id &&
        !['dropped', 'acquitted', 'dismissed'].includes(c.disposition),
    ),
    timeZone,
  );
  return {
    ...found,
    detainee: {
      ...detainee,
      isJuvenile: found.detention.is_juvenile,
      age: found.party.age_at_offence,
    },
    arrest: {
      at: dateAndTime(found.detention.arrested_at, timeZone),
      place: found.detention.place,
    },
    facility: found.detention.facility ? FACILITY_AR[found.detention.facility] : null,
    charges,
  };
}

export async function buildDetentionOrder(
  b: BuildContext,
  input: { detentionId: string },
): Promise<BuiltDocument> {
  const lines = await detaineeLines(b, input.detentionId);
  const order = lines.orders.filter((o) => o.authority !== 'police').at(-1);
  if (!order) {
    throw missingData('detentionOrder', {
      ar: 'لا أمر توقيف من النيابة أو المحكمة لهذا التوقيف',
      en: 'The detention has no order by the prosecution or a court',
    });
  }
  const data = {
    ...baseData(b, LEGAL_TEMPLATES.detention_order),
    addressedTo: `مدير ${lines.facility ?? FACILITY_AR[lines.detention.is_juvenile ? 'juvenile_centre' : 'adult_centre']}`,
    detainee: lines.detainee,
    arrest: lines.arrest,
    facility: lines.facility,
    order: {
      authority: DETENTION_AUTHORITY_AR[order.authority],
      issuedAt: dateAndTime(order.issued_at, b.timeZone),
      from: dateAndTime(order.starts_at, b.timeZone),
      until: dateAndTime(order.expires_at, b.timeZone),
      period: duration(order.starts_at, order.expires_at, order.authority === 'court'),
      reason: order.reason,
    },
    charges: lines.charges,
    instruction:
      'يُكلَّف مدير مكان التوقيف باستلام الموقوف المذكور أعلاه وإبقائه موقوفاً للمدة المبينة، ' +
      'ولا يجوز إبقاؤه بعد انقضائها إلا بأمر جديد من الجهة المختصة.',
  };
  return {
    data,
    title: `${LEGAL_TEMPLATES.detention_order.titleAr} — ${DETENTION_AUTHORITY_AR[order.authority]} — حتى ${order.expires_at.toISOString().slice(0, 10)}`,
    documentDate: issuedOn(b),
    maskedParties: 0,
  };
}

export async function buildExtensionRequest(
  b: BuildContext,
  input: { detentionId: string; requestedDays?: number | undefined; grounds?: string | undefined },
  config: Pick<Config, 'juvenileDetentionRules'>,
): Promise<BuiltDocument> {
  const { page, timeZone } = b;
  const extend = page.definition.events.extend_detention;
  if (!extend) {
    throw stateConflict('TEMPLATE_NOT_APPLICABLE', {
      ar: 'لا يُطلب تمديد التوقيف في هذا النوع من الملفات',
      en: 'Detention extensions are not requested on this type of file',
    });
  }
  if (!extend.from.includes(page.file.state)) {
    throw stateConflict(
      'FILE_NOT_UNDER_INVESTIGATION',
      { ar: 'الملف ليس قيد التحقيق', en: 'The file is no longer under investigation' },
      { state: page.file.state },
    );
  }
  const lines = await detaineeLines(b, input.detentionId);
  const current = lines.orders.at(-1);
  if (!current) {
    throw missingData('detentionOrder', {
      ar: 'لا أمر توقيف قائماً يُطلب تمديده',
      en: 'The detention has no order to extend',
    });
  }
  // The same tables as cases/actions/detention.ts: a juvenile's are the configured ones.
  const rules = lines.detention.is_juvenile ? config.juvenileDetentionRules : detentionRules;
  const maxDays = rules.authorities.court.maxPerOrder;
  const requestedDays = input.requestedDays ?? maxDays;
  if (requestedDays > maxDays) {
    const problem = `is more than the ${maxDays} days a court may order at once`;
    throw new AppError('VALIDATION_FAILED', `Invalid body field "requestedDays": ${problem}`, {
      issues: [{ field: 'requestedDays', in: 'body', problem }],
      messageAr: `المدة المطلوبة أكثر من ${days(maxDays)}، وهي أقصى ما تأمر به المحكمة في المرة الواحدة`,
    });
  }
  if (lines.charges.length === 0) {
    throw missingData('charges', {
      ar: 'لا تهمة مسندة إلى الموقوف',
      en: 'The detainee has no charge on this file',
    });
  }
  const data = {
    ...baseData(b, LEGAL_TEMPLATES.detention_extension_request),
    addressedTo: 'حضرة قاضي الصلح المختص المحترم',
    detainee: lines.detainee,
    arrest: lines.arrest,
    facility: lines.facility,
    previousOrders: lines.orders.map((o) => ({
      authority: DETENTION_AUTHORITY_AR[o.authority],
      from: dateAndTime(o.starts_at, timeZone),
      until: dateAndTime(o.expires_at, timeZone),
      period: duration(o.starts_at, o.expires_at, o.authority === 'court'),
    })),
    currentExpiry: dateAndTime(current.expires_at, timeZone),
    requested: days(requestedDays),
    charges: lines.charges,
    grounds:
      input.grounds?.trim() ||
      'إن التحقيق في القضية لم يكتمل بعد، ويُخشى إن أُفرج عن الموقوف أن يؤثر في سير التحقيق أو ' +
        'أن يفر من وجه العدالة.',
    request:
      `لذلك تلتمس النيابة العامة من عدالة المحكمة تمديد توقيف المذكور مدة ${days(requestedDays)} ` +
      'لاستكمال إجراءات التحقيق.',
  };
  return {
    data,
    title: `${LEGAL_TEMPLATES.detention_extension_request.titleAr} — ${days(requestedDays)}`,
    documentDate: issuedOn(b),
    maskedParties: 0,
  };
}
