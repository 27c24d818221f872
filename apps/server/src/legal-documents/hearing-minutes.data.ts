/**
 * محضر جلسة: the minutes of a hearing that took place (held, or adjourned with its reason and the
 * next date). The accused are named in full; every other juvenile party and protected victim by
 * initials, because copies of the minutes go to the parties' lawyers.
 */
import { localDateString } from '@qadiya/domain';
import { notFound } from '../http/errors';
import {
  baseData,
  missingData,
  partyLine,
  stateConflict,
  type BuildContext,
  type BuiltDocument,
} from './document-data';
import { ADJOURNMENT_REASON_AR } from './document-text';
import { dateAndTime, gregorianDate, hijriDate, timeOfDay, weekday } from './legal-dates';
import { LEGAL_TEMPLATES } from './legal-templates';

const OUTCOME = { held: 'عُقدت الجلسة', adjourned: 'أُجّلت الجلسة' } as const;

export function buildHearingMinutes(
  b: BuildContext,
  input: { hearingId: string },
): Promise<BuiltDocument> {
  const { page, timeZone } = b;
  const hearing = page.hearings.find((h) => h.id === input.hearingId);
  if (!hearing) throw notFound('Hearing', input.hearingId);
  if (hearing.status !== 'held' && hearing.status !== 'adjourned') {
    throw stateConflict(
      'HEARING_NOT_HELD',
      {
        ar: 'لا محضر لجلسة لم تُعقد أو أُلغيت',
        en: 'Minutes exist only for a hearing that took place',
      },
      { hearingId: hearing.id, status: hearing.status },
    );
  }
  const minutes = hearing.minutes?.trim() ? hearing.minutes : null;
  if (!minutes && hearing.status === 'held') {
    throw missingData('minutes', {
      ar: 'لم يُدوَّن ضبط الجلسة بعد',
      en: 'The minutes of the hearing have not been written',
    });
  }
  const next = hearing.next_hearing_id
    ? page.hearings.find((h) => h.id === hearing.next_hearing_id)
    : undefined;
  const judges = page.judges
    .filter((j) => j.hearing_id === hearing.id)
    .map((j) => j.display_name_ar);
  const summoned = new Set(hearing.summoned_party_ids);
  const parties = page.parties
    .filter((p) => p.role === 'accused' || summoned.has(p.id))
    .map((p) => partyLine(page, p, p.role === 'accused'));
  const outcome =
    hearing.status === 'adjourned'
      ? [
          OUTCOME.adjourned,
          hearing.adjourn_reason
            ? (ADJOURNMENT_REASON_AR[hearing.adjourn_reason] ?? hearing.adjourn_reason)
            : null,
          next ? `إلى ${dateAndTime(next.starts_at, timeZone)}` : null,
        ]
          .filter(Boolean)
          .join('، ')
      : OUTCOME.held;
  const data = {
    ...baseData(b, LEGAL_TEMPLATES.hearing_minutes, {
      subtitle: `${weekday(hearing.starts_at, timeZone)} ${gregorianDate(hearing.starts_at, timeZone)} الموافق ${hijriDate(hearing.starts_at, timeZone)}`,
    }),
    court: page.institution.name_ar,
    room: hearing.room,
    time: `${timeOfDay(hearing.starts_at, timeZone)} – ${timeOfDay(hearing.ends_at, timeZone)}`,
    panel: judges,
    clerk: b.signer.role === 'court_clerk' ? b.signer.nameAr : null,
    parties,
    minutes,
    outcome,
  };
  return Promise.resolve({
    data,
    title: `${LEGAL_TEMPLATES.hearing_minutes.titleAr} — ${localDateString(hearing.starts_at, timeZone)}`,
    documentDate: localDateString(hearing.starts_at, timeZone),
    maskedParties: parties.filter((p) => p.isMasked).length,
  });
}
