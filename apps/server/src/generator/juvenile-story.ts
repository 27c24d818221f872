/**
 * The juvenile path of a prosecution file (Decree-Law 4/2016): the child protection counsellor
 * instructed and the social research report submitted before any decision, then for a
 * misdemeanour or contravention the Art. 23 mediation: offered, declined, or referred to a
 * mediator, ending in an agreement fulfilled (the file closes by diversion) or breached, or in
 * failure. Never in violence against women, where the domain forbids mediation.
 */
import { dayToDate, MINUTE_MS } from './calendar';
import type { Actor } from './matter-run';
import type { MatterStory } from './matter-story';
import type { SimFile } from './sim-model';
import { NOTES, SOCIAL_REPORT } from './texts';

const ISO = (ms: number) => new Date(ms).toISOString();

/** The counsellor's social research report, then mediation for a misdemeanour (Art. 23). */
export function juvenilePath(
  story: MatterStory,
  file: SimFile,
  fire: (name: string, payload: Record<string, unknown>, at: number, by?: Actor) => boolean,
  now: () => number,
): boolean {
  const rng = story.run.rng;
  const cal = file.institution.calendar;
  const social = story.institution('MSD');
  const instructAt = story.time.workingDaysAfter(cal, now(), rng.int(1, 3));
  const counsellor = story.staff(social, 'child_protection_counsellor', instructAt);
  if (!counsellor) return false;
  const dueDate = ISO(cal.deadline(instructAt, 10));
  if (
    !fire(
      'instruct_counsellor',
      { counsellorUserId: counsellor.userId, dueDate, note: NOTES.counsellor },
      instructAt,
    )
  )
    return false;
  const report = {
    familySituation: rng.pick(SOCIAL_REPORT.familySituation),
    education: rng.pick(SOCIAL_REPORT.education),
    health: rng.pick(SOCIAL_REPORT.health),
    circumstances: rng.pick(SOCIAL_REPORT.circumstances),
    recommendation: isMinor(file)
      ? 'mediation'
      : rng.pick(['judicial_probation', 'hand_over_to_guardian', 'vocational_training']),
  };
  if (
    !fire(
      'submit_social_report',
      report,
      story.time.workingDaysAfter(cal, now(), rng.int(3, 12)),
      counsellor,
    )
  )
    return false;
  // Art. 23 mediation, except in violence against women, where the domain forbids it.
  if (story.cast.underAge || !isMinor(file) || story.run.isViolenceAgainstWomen(file)) return true;
  if (
    !fire(
      'offer_mediation',
      { note: 'عرض الوساطة على الحدث ووليه والمجني عليه.' },
      story.time.workingDaysAfter(cal, now(), rng.int(1, 5)),
    )
  )
    return false;
  if (rng.chance(0.3)) {
    const declinedBy = rng.pick(['juvenile', 'guardian', 'victim'] as const);
    return fire(
      'decline_mediation',
      { declinedBy },
      story.time.workingDaysAfter(cal, now(), rng.int(2, 10)),
    );
  }
  const mediator = story.staff(social, 'mediator', now()) ?? counsellor;
  const consent = {
    consentGivenBy: rng.pick(['juvenile', 'guardian'] as const),
    victimConsent: true,
    admissionOfFacts: true,
    mediatorUserId: mediator.userId,
  };
  if (!fire('refer_to_mediation', consent, story.time.workingDaysAfter(cal, now(), rng.int(2, 8))))
    return false;
  const sessionAt = story.time.workingDaysAfter(cal, now(), rng.int(4, 14));
  if (rng.chance(0.25)) {
    return fire('record_mediation_failure', { reason: NOTES.mediationFailed }, sessionAt, mediator);
  }
  const complianceDay = story.time.dayOf(sessionAt) + rng.int(30, 60);
  const agreement = {
    signedAt: ISO(sessionAt - rng.int(30, 120) * MINUTE_MS),
    minutes: NOTES.mediationMinutes,
    obligations: [{ kind: 'repair_damage', detail: 'تعويض المجني عليه عن الضرر والاعتذار له.' }],
    complianceDueDate: dayToDate(complianceDay),
  };
  if (!fire('record_mediation_agreement', agreement, sessionAt, mediator)) return false;
  const checkAt = story.time.officeOn(cal, complianceDay + rng.int(1, 10));
  if (rng.chance(0.85)) {
    fire('record_mediation_fulfilled', { note: 'نفذ الحدث التزاماته كاملة.' }, checkAt);
    return false;
  }
  return fire('record_mediation_breach', { reason: NOTES.mediationBreach }, checkAt);
}

/** No felony charged: the juvenile's file qualifies for mediation (Art. 23). */
export function isMinor(file: SimFile): boolean {
  return !file.charges.some((c) => c.offenceClass === 'felony');
}
