/**
 * مذكرة حضور: the court's summons of one party to a scheduled hearing. It is served on that party,
 * so only the addressee is named in full; the accused named in the case heading follow the masking
 * rule (a juvenile accused by initials).
 */
import { PUBLIC_RIGHT } from '@qadiya/domain';
import { notFound } from '../http/errors';
import { invalidField } from '../http/validation';
import {
  baseData,
  issuedOn,
  partyById,
  partyLine,
  stateConflict,
  type BuildContext,
  type BuiltDocument,
} from './document-data';
import { LABELS } from './document-text';
import { gregorianDate, hijriDate, timeOfDay, weekday } from './legal-dates';
import { LEGAL_TEMPLATES } from './legal-templates';

export async function buildSummons(
  b: BuildContext,
  input: { hearingId: string; partyId: string },
): Promise<BuiltDocument> {
  const { page, timeZone } = b;
  const hearing = page.hearings.find((h) => h.id === input.hearingId);
  if (!hearing) throw notFound('Hearing', input.hearingId);
  const party = partyById(page, input.partyId);
  if (!party) throw invalidField('partyId', 'is not a party of this file');
  if (hearing.status !== 'scheduled') {
    throw stateConflict(
      'HEARING_NOT_SCHEDULED',
      {
        ar: 'لا تبليغ إلا لجلسة محددة لم تُعقد بعد',
        en: 'Only a scheduled hearing can be summoned to',
      },
      { hearingId: hearing.id, status: hearing.status },
    );
  }
  if (hearing.starts_at.getTime() <= b.now.getTime()) {
    throw stateConflict(
      'HEARING_IN_PAST',
      { ar: 'موعد الجلسة قد مضى', en: 'The hearing has already begun' },
      { hearingId: hearing.id },
    );
  }
  const addressee = partyLine(page, party, true, await b.nationalIdOf(party.person_id));
  const accused = page.parties
    .filter((p) => p.role === 'accused')
    .map((p) => partyLine(page, p, p.id === party.id));
  const court = page.institution.name_ar;
  const day = `${weekday(hearing.starts_at, timeZone)} ${gregorianDate(hearing.starts_at, timeZone)}`;
  const data = {
    ...baseData(b, LEGAL_TEMPLATES.summons),
    addressee,
    caseHeading: `${PUBLIC_RIGHT.ar} ضد ${accused.map((a) => a.name).join('، ') || '—'}`,
    court,
    hearing: {
      day,
      hijri: hijriDate(hearing.starts_at, timeZone),
      time: timeOfDay(hearing.starts_at, timeZone),
      room: hearing.room,
    },
    body:
      `أنت مكلف بالحضور أمام ${court} (${LABELS.room}: ${hearing.room}) في تمام الساعة ` +
      `${timeOfDay(hearing.starts_at, timeZone)} من يوم ${day}، بصفتك ${addressee.label} ` +
      `في القضية المذكورة أعلاه.`,
    warning:
      'وفي حال تخلفك عن الحضور في الموعد المحدد دون عذر مشروع، تتخذ بحقك الإجراءات المنصوص عليها في القانون.',
  };
  return {
    data,
    title: `${LEGAL_TEMPLATES.summons.titleAr} (${addressee.label}) — جلسة ${gregorianDate(hearing.starts_at, timeZone)}`,
    documentDate: issuedOn(b),
    maskedParties: accused.filter((a) => a.isMasked).length,
  };
}
