// This file imports nothing but the public exports of the domain package: whatever it drives, a
// server (or a new case type's author) can drive the same way.
import { describe, expect, it } from 'vitest';
import {
  CASE_TYPES,
  ROLES,
  caseTypeDefinition,
  decideEvent,
  definitionProblems,
  emptyFacts,
  eventsAllowedInState,
  guards,
  type CaseFacts,
  type CaseTypeDefinition,
  type Effect,
  type EventDecision,
  type Role,
} from '../index';

// ---------------------------------------------------------------------------------------------
// Facts helpers
// ---------------------------------------------------------------------------------------------

const NOW = new Date('2026-03-01T10:00:00Z');
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);
const at = (hours: number) => hoursFromNow(hours).toISOString();
const uuid = (n: number) => `0c6f3a8e-9d12-4b7e-8f3a-${n.toString(16).padStart(12, '0')}`;

const PERSON = { accused: uuid(1), victim: uuid(2), witness: uuid(3), secondAccused: uuid(4) };
const PARTY = { accused: uuid(11), victim: uuid(12), witness: uuid(13), secondAccused: uuid(14) };
const CHARGE = { theft: uuid(21), assault: uuid(22), dropped: uuid(23), unknown: uuid(29) };
const OFFENCE = uuid(31);
const INSTITUTION = {
  prosecution: uuid(41),
  court: uuid(42),
  appealCourt: uuid(43),
  correction: uuid(44),
};
const HEARING = { scheduled: uuid(51), held: uuid(52), cancelled: uuid(53), unknown: uuid(59) };
const DETENTION = { open: uuid(61), closed: uuid(62), unknown: uuid(69) };
const USER = uuid(71);

type Party = CaseFacts['parties'][number];
type Charge = CaseFacts['charges'][number];
type Detention = CaseFacts['detentions'][number];
type Hearing = CaseFacts['hearings'][number];

/** An adult party (born 1990); juvenile tests override `dateOfBirth` and `ageStatus`. */
const party = (key: keyof typeof PARTY, role: Party['role']): Party => ({
  id: PARTY[key],
  personId: PERSON[key],
  role,
  dateOfBirth: '1990-05-14',
  ageStatus: 'adult',
  sex: 'male',
  relationshipToAccused: null,
});
const charge = (
  id: string,
  disposition: Charge['disposition'],
  partyId = PARTY.accused,
): Charge => ({
  id,
  partyId,
  offenceClass: 'misdemeanour',
  disposition,
});
const detention = (id: string, isOpen: boolean, partyId = PARTY.accused): Detention => ({
  id,
  partyId,
  isOpen,
  currentExpiry: isOpen ? hoursFromNow(24) : null,
});
const hearing = (id: string, status: Hearing['status'], inHours = 24): Hearing => ({
  id,
  status,
  startsAt: hoursFromNow(inHours),
});

type FactsExtra = Partial<Omit<CaseFacts, 'caseType' | 'state' | 'actorRoles'>>;

function definition(caseType: string): CaseTypeDefinition {
  const found = caseTypeDefinition(caseType);
  if (!found) throw new Error(`no case type ${caseType}`);
  return found;
}

function facts(
  caseType: string,
  state: string,
  actorRoles: readonly Role[],
  extra: FactsExtra = {},
) {
  return { ...emptyFacts(caseType, state, NOW), actorRoles, ...extra };
}

/** Fires an event and returns the decision's guard code, or 'accepted'. */
function outcome(
  caseType: string,
  state: string,
  roles: readonly Role[],
  extra: FactsExtra,
  event: string,
  payload: unknown,
): string {
  const decision = decideEvent(
    definition(caseType),
    facts(caseType, state, roles, extra),
    event,
    payload,
  );
  if (decision.ok) return 'accepted';
  if (decision.reason === 'guard_failed') return decision.code;
  // Anything else means the scenario itself is wrong (state, role or payload): show it whole.
  return JSON.stringify(decision);
}

// ---------------------------------------------------------------------------------------------
// Guards, table-driven: each row is one scenario; the accepted rows show the guard is the cause.
// ---------------------------------------------------------------------------------------------

const prosecutors: Role[] = ['prosecutor'];
const police: Role[] = ['police_investigator'];
const judges: Role[] = ['judge'];
const clerks: Role[] = ['court_clerk'];

const withAccusedAndVictim: FactsExtra = {
  parties: [party('accused', 'accused'), party('victim', 'victim'), party('witness', 'witness')],
};
const withOpenDetention: FactsExtra = {
  ...withAccusedAndVictim,
  detentions: [detention(DETENTION.open, true), detention(DETENTION.closed, false)],
};
const indictedCharges: FactsExtra = {
  ...withAccusedAndVictim,
  charges: [
    charge(CHARGE.theft, 'indicted'),
    charge(CHARGE.assault, 'indicted'),
    charge(CHARGE.dropped, 'dropped'),
  ],
  hearings: [
    hearing(HEARING.scheduled, 'scheduled', 48),
    hearing(HEARING.held, 'held', -72),
    hearing(HEARING.cancelled, 'cancelled', 24),
  ],
};
const indict = (chargeIds: string[]) => ({ courtId: INSTITUTION.court, chargeIds });
const judgment = (...chargeIds: string[]) => ({
  pronouncedAt: NOW.toISOString(),
  judgments: chargeIds.map((chargeId) => ({ chargeId, outcome: 'convicted', custodialMonths: 3 })),
});
const schedule = (startsAt: string) => ({
  startsAt,
  durationMinutes: 60,
  room: 'قاعة 2',
  judgeIds: [uuid(81)],
});
const adjourn = (hearingId: string, nextStartsAt: string) => ({
  hearingId,
  reasonCode: 'witness_absent',
  nextStartsAt,
});
const hold = (hearingId: string) => ({ hearingId, minutes: 'حضر المتهم ووكيله' });
const arrest = (partyId: string, arrestedAt: string) => ({
  partyId,
  arrestedAt,
  place: 'رام الله',
});
const order = (detentionId: string) => ({ detentionId, duration: 48, reason: 'خشية الفرار' });
const release = (detentionId: string) => ({
  detentionId,
  releasedAt: NOW.toISOString(),
  reason: 'كفالة',
});
const referToProsecution = { prosecutionOfficeId: INSTITUTION.prosecution };

/** An accused born 2014-02-20: 11 until 2026-02-19, 12 from 2026-02-20. */
const childAccused = (ageStatus: Party['ageStatus']): Party => ({
  ...party('accused', 'accused'),
  dateOfBirth: '2014-02-20',
  ageStatus,
});
const juvenileAccused = childAccused('juvenile');
const underTwelve: FactsExtra = {
  parties: [childAccused('under_age'), party('victim', 'victim')],
  isJuvenileFile: true,
};
const ageUnknown: FactsExtra = {
  parties: [{ ...party('accused', 'accused'), dateOfBirth: null, ageStatus: 'unknown' }],
};
const juvenileFile: FactsExtra = {
  parties: [juvenileAccused, party('victim', 'victim')],
  isJuvenileFile: true,
};
const juvenileWithReport: FactsExtra = {
  ...juvenileFile,
  matterRecordedEvents: ['submit_social_report'],
};
const lifeFor = (...chargeIds: string[]) => ({
  pronouncedAt: NOW.toISOString(),
  judgments: chargeIds.map((chargeId) => ({
    chargeId,
    outcome: 'convicted',
    sentence: 'life_imprisonment',
  })),
});
const referToMediation = (consents: { victimConsent?: boolean; admissionOfFacts?: boolean }) => ({
  consentGivenBy: 'guardian',
  victimConsent: true,
  admissionOfFacts: true,
  mediatorUserId: USER,
  ...consents,
});
const agreement = (obligation: { kind?: string } = {}) => ({
  signedAt: at(-2),
  minutes: 'اتفق الطرفان على إصلاح الضرر',
  obligations: [{ kind: 'repair_damage', detail: 'دفع ثمن الهاتف', ...obligation }],
  complianceDueDate: '2026-04-01',
});

const femaleVictim: Party = {
  ...party('victim', 'victim'),
  sex: 'female',
  relationshipToAccused: 'spouse',
};
const familyFile: FactsExtra = {
  parties: [party('accused', 'accused'), femaleVictim],
  isFamilyProtection: true,
};
const SERVICES = uuid(45);
const MEASURE = uuid(91);
const OVERRIDE_REASON = 'خطر وشيك على حياة الضحية وأطفالها ولا بد من الإيواء فوراً';
const riskAssessment = (victimPartyId: string) => ({
  victimPartyId,
  answers: { strangulation: 'yes', threats_to_kill: 'no' },
});
const referral = (over: Record<string, string>) => ({
  victimPartyId: PARTY.victim,
  service: 'shelter',
  institutionId: SERVICES,
  ...over,
});
const measure = (over: Record<string, string>) => ({
  measureKind: 'no_contact',
  protectedPartyId: PARTY.victim,
  againstPartyId: PARTY.accused,
  authority: 'prosecution',
  conditions: 'يمنع من الاتصال بالضحية بأي وسيلة',
  expiresAt: at(24 * 30),
  ...over,
});
const violation = {
  measureId: MEASURE,
  occurredAt: at(-5),
  description: 'اتصل بالضحية هاتفياً وهددها',
  openNewFile: true,
};

interface GuardRow {
  scenario: string;
  caseType: string;
  state: string;
  roles: Role[];
  extra: FactsExtra;
  event: string;
  payload: unknown;
  expected: string;
}

const row = (
  scenario: string,
  caseType: string,
  state: string,
  roles: Role[],
  extra: FactsExtra,
  event: string,
  payload: unknown,
  expected: string,
): GuardRow => ({ scenario, caseType, state, roles, extra, event, payload, expected });

const PF = 'prosecution_file';
const PR = 'police_report';
const CC = 'court_case';
const UI = 'under_investigation';

// prettier-ignore
const GUARD_ROWS: GuardRow[] = [
  // NOT_AN_ACCUSED_OF_THIS_FILE
  row('charge against a victim', PF, UI, prosecutors, withAccusedAndVictim, 'add_charge',
    { partyId: PARTY.victim, offenceId: OFFENCE }, 'NOT_AN_ACCUSED_OF_THIS_FILE'),
  row('charge against a witness', PF, 'registered', prosecutors, withAccusedAndVictim, 'add_charge',
    { partyId: PARTY.witness, offenceId: OFFENCE }, 'NOT_AN_ACCUSED_OF_THIS_FILE'),
  row('charge against a party of another file', PF, UI, prosecutors, withAccusedAndVictim, 'add_charge',
    { partyId: PARTY.secondAccused, offenceId: OFFENCE }, 'NOT_AN_ACCUSED_OF_THIS_FILE'),
  row('charge against the accused', PF, UI, prosecutors, withAccusedAndVictim, 'add_charge',
    { partyId: PARTY.accused, offenceId: OFFENCE, incidentDate: '2026-02-14' }, 'accepted'),
  row('police arrest of a victim', PR, 'reported', police, withAccusedAndVictim, 'arrest',
    arrest(PARTY.victim, at(-1)), 'NOT_AN_ACCUSED_OF_THIS_FILE'),

  // NOT_A_PARTY_OF_THIS_FILE
  row('questioning a stranger', PF, UI, prosecutors, withAccusedAndVictim, 'question',
    { partyId: PARTY.secondAccused, summary: 'أنكر' }, 'NOT_A_PARTY_OF_THIS_FILE'),
  row('questioning a witness', PF, UI, prosecutors, withAccusedAndVictim, 'question',
    { partyId: PARTY.witness, summary: 'أفاد الشاهد' }, 'accepted'),

  // NO_CHARGES / CHARGE_NOT_PENDING on indict
  row('indictment of a file without charges', PF, UI, prosecutors, withAccusedAndVictim, 'indict',
    indict([CHARGE.theft]), 'NO_CHARGES'),
  row('indictment when every charge was dropped', PF, UI, prosecutors,
    { ...withAccusedAndVictim, charges: [charge(CHARGE.dropped, 'dropped')] }, 'indict',
    indict([CHARGE.dropped]), 'NO_CHARGES'),
  row('indictment on a dropped charge', PF, UI, prosecutors,
    { ...withAccusedAndVictim, charges: [charge(CHARGE.theft, 'pending'), charge(CHARGE.dropped, 'dropped')] },
    'indict', indict([CHARGE.theft, CHARGE.dropped]), 'CHARGE_NOT_PENDING'),
  row('indictment on a charge of another file', PF, UI, prosecutors,
    { ...withAccusedAndVictim, charges: [charge(CHARGE.theft, 'pending')] },
    'indict', indict([CHARGE.unknown]), 'CHARGE_NOT_PENDING'),
  row('indictment on pending charges', PF, UI, prosecutors,
    { ...withAccusedAndVictim, charges: [charge(CHARGE.theft, 'pending'), charge(CHARGE.dropped, 'dropped')] },
    'indict', indict([CHARGE.theft]), 'accepted'),

  // HEARING_IN_PAST
  ...['court_case', 'appeal_case', 'civil_claim'].flatMap((caseType) => [
    row(`${caseType}: hearing an hour ago`, caseType, 'filed', clerks, {}, 'schedule_hearing',
      schedule(at(-1)), 'HEARING_IN_PAST'),
    row(`${caseType}: hearing at this very moment`, caseType, 'filed', clerks, {}, 'schedule_hearing',
      schedule(NOW.toISOString()), 'HEARING_IN_PAST'),
    row(`${caseType}: hearing next week`, caseType, 'filed', clerks, {}, 'schedule_hearing',
      schedule(at(24 * 7)), 'accepted'),
    row(`${caseType}: adjourned to yesterday`, caseType, 'scheduled', judges, indictedCharges,
      'adjourn_hearing', adjourn(HEARING.scheduled, at(-24)), 'HEARING_IN_PAST'),
    row(`${caseType}: adjourned to next month`, caseType, 'scheduled', judges, indictedCharges,
      'adjourn_hearing', adjourn(HEARING.scheduled, at(24 * 30)), 'accepted'),
  ]),

  // HEARING_NOT_SCHEDULED
  row('holding a hearing already held', CC, 'scheduled', judges, indictedCharges, 'hold_hearing',
    hold(HEARING.held), 'HEARING_NOT_SCHEDULED'),
  row('holding a cancelled hearing', CC, 'scheduled', judges, indictedCharges, 'hold_hearing',
    hold(HEARING.cancelled), 'HEARING_NOT_SCHEDULED'),
  row('holding a hearing of another file', 'civil_claim', 'scheduled', judges, indictedCharges,
    'hold_hearing', hold(HEARING.unknown), 'HEARING_NOT_SCHEDULED'),
  row('adjourning a hearing already held', 'appeal_case', 'scheduled', judges, indictedCharges,
    'adjourn_hearing', adjourn(HEARING.held, at(48)), 'HEARING_NOT_SCHEDULED'),
  row('holding the scheduled hearing', CC, 'scheduled', judges, indictedCharges, 'hold_hearing',
    hold(HEARING.scheduled), 'accepted'),

  // CHARGE_NOT_BEFORE_COURT / CHARGES_WITHOUT_JUDGMENT / CHARGE_JUDGED_TWICE
  row('judgment on a dropped charge', CC, 'in_trial', judges, indictedCharges, 'record_judgment',
    judgment(CHARGE.theft, CHARGE.assault, CHARGE.dropped), 'CHARGE_NOT_BEFORE_COURT'),
  row('judgment on a charge of another file', CC, 'in_trial', judges, indictedCharges,
    'record_judgment', judgment(CHARGE.unknown), 'CHARGE_NOT_BEFORE_COURT'),
  row('judgment on one of two charges', CC, 'in_trial', judges, indictedCharges, 'record_judgment',
    judgment(CHARGE.theft), 'CHARGES_WITHOUT_JUDGMENT'),
  row('judgment on one charge twice', CC, 'in_trial', judges, indictedCharges, 'record_judgment',
    judgment(CHARGE.theft, CHARGE.assault, CHARGE.theft), 'CHARGE_JUDGED_TWICE'),
  row('judgment on every charge before the court', CC, 'scheduled', judges, indictedCharges,
    'record_judgment', judgment(CHARGE.assault, CHARGE.theft), 'accepted'),

  // ALREADY_DETAINED / ARREST_IN_FUTURE
  row('arresting an accused already detained', PF, UI, prosecutors, withOpenDetention, 'arrest',
    arrest(PARTY.accused, at(-1)), 'ALREADY_DETAINED'),
  row('police arresting an accused already detained', PR, 'evidence_gathering', police,
    withOpenDetention, 'arrest', arrest(PARTY.accused, at(-1)), 'ALREADY_DETAINED'),
  row('re-arresting an accused who was released', PF, UI, prosecutors,
    { ...withAccusedAndVictim, detentions: [detention(DETENTION.closed, false)] }, 'arrest',
    arrest(PARTY.accused, at(-1)), 'accepted'),
  row('arrest tomorrow', PF, UI, prosecutors, withAccusedAndVictim, 'arrest',
    arrest(PARTY.accused, at(24)), 'ARREST_IN_FUTURE'),
  row('arrest in five minutes', PR, 'reported', police, withAccusedAndVictim, 'arrest',
    arrest(PARTY.accused, new Date(NOW.getTime() + 5 * 60_000).toISOString()), 'ARREST_IN_FUTURE'),
  row('arrest 30 s ahead of the server clock (tolerated skew)', PR, 'reported', police,
    withAccusedAndVictim, 'arrest', arrest(PARTY.accused, new Date(NOW.getTime() + 30_000).toISOString()),
    'accepted'),

  // DETENTION_NOT_OPEN
  ...(['order_detention', 'extend_detention'] as const).flatMap((event) => [
    row(`${event} on a released detention`, PF, UI, prosecutors, withOpenDetention, event,
      order(DETENTION.closed), 'DETENTION_NOT_OPEN'),
    row(`${event} on an unknown detention`, PF, UI, prosecutors, withOpenDetention, event,
      order(DETENTION.unknown), 'DETENTION_NOT_OPEN'),
    row(`${event} on the open detention`, PF, UI, prosecutors, withOpenDetention, event,
      order(DETENTION.open), 'accepted'),
  ]),
  row('police hold on a released detention', PR, 'reported', police, withOpenDetention,
    'police_hold', order(DETENTION.closed), 'DETENTION_NOT_OPEN'),
  row('release from a released detention', PF, UI, prosecutors, withOpenDetention, 'release',
    release(DETENTION.closed), 'DETENTION_NOT_OPEN'),
  row('release from the open detention', PR, 'evidence_gathering', police, withOpenDetention,
    'release', release(DETENTION.open), 'accepted'),

  // APPEAL_WINDOW_OPEN
  row('declaring final while the appeal window runs', CC, 'appeal_window', clerks,
    { openDeadlines: [{ name: 'appeal_window', dueAt: hoursFromNow(24) }] }, 'declare_final', {},
    'APPEAL_WINDOW_OPEN'),
  row('declaring final after the appeal window closed', CC, 'appeal_window', clerks,
    { openDeadlines: [{ name: 'appeal_window', dueAt: hoursFromNow(-1) }] }, 'declare_final', {},
    'accepted'),
  row('declaring final when another deadline runs', CC, 'appeal_window', clerks,
    { openDeadlines: [{ name: 'pay_fees', dueAt: hoursFromNow(24) }] }, 'declare_final', {},
    'accepted'),

  // NO_ACCUSED
  row('referring a report with only a victim', PR, 'evidence_gathering', police,
    { parties: [party('victim', 'victim'), party('witness', 'witness')] }, 'refer_to_prosecution',
    referToProsecution, 'NO_ACCUSED'),
  row('referring a report with nobody', PR, 'evidence_gathering', police, {}, 'refer_to_prosecution',
    referToProsecution, 'NO_ACCUSED'),
  row('referring a report with an accused', PR, 'evidence_gathering', police, withAccusedAndVictim,
    'refer_to_prosecution', referToProsecution, 'accepted'),
  row('mediation offered without an accused', PF, UI, prosecutors,
    { parties: [party('victim', 'victim')] }, 'offer_mediation', {}, 'NO_ACCUSED'),

  // Juvenile rules (Decree-Law 4/2016; juvenile-rules.ts)
  row('charging a child who was 11 at the offence', PF, UI, prosecutors, underTwelve, 'add_charge',
    { partyId: PARTY.accused, offenceId: OFFENCE, incidentDate: '2026-02-01' },
    'UNDER_AGE_OF_CRIMINAL_RESPONSIBILITY'),
  row('charging on the exact 12th birthday', PF, UI, prosecutors, underTwelve, 'add_charge',
    { partyId: PARTY.accused, offenceId: OFFENCE, incidentDate: '2026-02-20' }, 'accepted'),
  row('charging a child under 12 at the file\'s incident date', PF, UI, prosecutors,
    { ...underTwelve, incidentDate: '2026-02-19' }, 'add_charge',
    { partyId: PARTY.accused, offenceId: OFFENCE }, 'UNDER_AGE_OF_CRIMINAL_RESPONSIBILITY'),
  row('closing while an accused\'s age is unknown', PF, UI, prosecutors, ageUnknown, 'close_file',
    { reasonCode: 'insufficient_evidence' }, 'AGE_TO_BE_VERIFIED'),
  row('closing after a justified age override', PF, UI, prosecutors,
    { ...ageUnknown, recordedEvents: ['override_age_verification'] }, 'close_file',
    { reasonCode: 'insufficient_evidence' }, 'accepted'),
  row('closing a juvenile file without the social report', PF, UI, prosecutors, juvenileFile,
    'close_file', { reasonCode: 'insufficient_evidence' }, 'SOCIAL_REPORT_REQUIRED'),
  row('closing a juvenile file once the report is in the matter', PF, UI, prosecutors,
    { ...juvenileFile, matterRecordedEvents: ['submit_social_report'] }, 'close_file',
    { reasonCode: 'insufficient_evidence' }, 'accepted'),
  row('indicting a juvenile misdemeanour without offering mediation', PF, UI, prosecutors,
    { ...juvenileWithReport, charges: [charge(CHARGE.theft, 'pending')] }, 'indict',
    indict([CHARGE.theft]), 'MEDIATION_NOT_OFFERED'),
  row('indicting a juvenile misdemeanour after mediation failed', PF, UI, prosecutors,
    { ...juvenileWithReport, charges: [charge(CHARGE.theft, 'pending')], mediationStatus: 'failed' },
    'indict', indict([CHARGE.theft]), 'accepted'),
  row('indicting a juvenile felony without mediation', PF, UI, prosecutors,
    { ...juvenileWithReport, charges: [{ ...charge(CHARGE.theft, 'pending'), offenceClass: 'felony' }] },
    'indict', indict([CHARGE.theft]), 'accepted'),
  row('instructing a counsellor on an adult file', PF, UI, prosecutors, withAccusedAndVictim,
    'instruct_counsellor', { counsellorUserId: USER, dueDate: at(24 * 7) }, 'NOT_A_JUVENILE_FILE'),
  row('instructing a counsellor on a juvenile file', PF, UI, prosecutors, juvenileFile,
    'instruct_counsellor', { counsellorUserId: USER, dueDate: at(24 * 7) }, 'accepted'),
  row('referring to child protection without a child under 12', PF, UI, prosecutors, juvenileFile,
    'refer_to_child_protection', { socialServicesId: INSTITUTION.correction },
    'NO_ACCUSED_UNDER_12'),
  row('referring a child under 12 to child protection', PF, UI, prosecutors, underTwelve,
    'refer_to_child_protection', { socialServicesId: INSTITUTION.correction }, 'accepted'),
  row('arresting a child under 12', PF, UI, prosecutors, underTwelve, 'arrest',
    arrest(PARTY.accused, at(-1)), 'UNDER_AGE_DETENTION_REFUSED'),
  row('arresting a juvenile without a justification', PF, UI, prosecutors, juvenileFile, 'arrest',
    arrest(PARTY.accused, at(-1)), 'JUVENILE_DETENTION_NOT_JUSTIFIED'),
  row('holding a juvenile in a centre for adults', PF, UI, prosecutors, juvenileFile, 'arrest',
    { ...arrest(PARTY.accused, at(-1)), lastResortJustification: 'خطر على المجني عليه',
      facility: 'adult_centre' }, 'JUVENILE_IN_ADULT_FACILITY'),
  row('holding a juvenile in a juvenile centre, justified', PF, UI, prosecutors, juvenileFile,
    'arrest', { ...arrest(PARTY.accused, at(-1)), lastResortJustification: 'خطر على المجني عليه',
      facility: 'juvenile_centre' }, 'accepted'),
  row('life imprisonment for a juvenile', CC, 'in_trial', judges,
    { ...indictedCharges, isJuvenileFile: true, matterRecordedEvents: ['submit_social_report'] },
    'record_judgment', lifeFor(CHARGE.theft, CHARGE.assault), 'JUVENILE_SENTENCE_NOT_ALLOWED'),
  row('life imprisonment for an adult', CC, 'in_trial', judges, indictedCharges,
    'record_judgment', lifeFor(CHARGE.theft, CHARGE.assault), 'accepted'),
  row('judging a juvenile without the social report', CC, 'in_trial', judges,
    { ...indictedCharges, isJuvenileFile: true }, 'record_judgment',
    judgment(CHARGE.theft, CHARGE.assault), 'SOCIAL_REPORT_REQUIRED'),
  row('judging a juvenile after the judge\'s justified override', CC, 'in_trial', judges,
    { ...indictedCharges, isJuvenileFile: true, recordedEvents: ['override_social_report'] },
    'record_judgment', judgment(CHARGE.theft, CHARGE.assault), 'accepted'),

  // Mediation (Art. 23)
  row('mediation without the victim\'s consent', PF, 'mediation_offered', prosecutors,
    juvenileFile, 'refer_to_mediation', referToMediation({ victimConsent: false }),
    'MEDIATION_CONSENT_MISSING'),
  row('mediation without an admission of the facts', PF, 'mediation_offered', prosecutors,
    juvenileFile, 'refer_to_mediation', referToMediation({ admissionOfFacts: false }),
    'MEDIATION_CONSENT_MISSING'),
  row('mediation with no victim in the file', PF, 'mediation_offered', prosecutors,
    { ...juvenileFile, parties: [juvenileAccused] }, 'refer_to_mediation',
    referToMediation({ victimConsent: false }), 'accepted'),
  row('an agreement placing the juvenile in an institution', PF, 'in_mediation', ['mediator'],
    juvenileFile, 'record_mediation_agreement', agreement({ kind: 'placement' }),
    'MEDIATION_PLACEMENT_REFUSED'),
  row('an agreement to repair the damage', PF, 'in_mediation', ['mediator'], juvenileFile,
    'record_mediation_agreement', agreement(), 'accepted'),

  // Family protection (family-protection-rules.ts)
  row('offering mediation to a woman victim of family violence', PF, UI, prosecutors,
    familyFile, 'offer_mediation', {}, 'MEDIATION_FORBIDDEN_VAW'),
  row('offering mediation on a GBV-classified file with a male victim', PF, UI, prosecutors,
    { ...familyFile, parties: [party('accused', 'accused'), party('victim', 'victim')], gbvType: 'physical_assault' },
    'offer_mediation', {}, 'MEDIATION_FORBIDDEN_VAW'),
  row('offering mediation after the chief prosecutor\'s written override', PF, UI, prosecutors,
    { ...familyFile, recordedEvents: ['override_mediation_block'] }, 'offer_mediation', {},
    'accepted'),
  row('referring to mediation on a family file with a male victim, unclassified', PF,
    'mediation_offered', prosecutors,
    { ...familyFile, parties: [party('accused', 'accused'), party('victim', 'victim')] },
    'refer_to_mediation', referToMediation({}), 'accepted'),
  row('closing a family file whose victim has no relationship recorded', PF, UI, prosecutors,
    { ...familyFile, parties: [party('accused', 'accused'), { ...femaleVictim, relationshipToAccused: null }] },
    'close_file', { reasonCode: 'insufficient_evidence' }, 'FAMILY_PROTECTION_DETAILS_MISSING'),
  row('closing a family file with every detail', PF, UI, prosecutors, familyFile, 'close_file',
    { reasonCode: 'insufficient_evidence' }, 'accepted'),
  row('classifying GBV on a file that is not family protection', PF, UI, prosecutors,
    withAccusedAndVictim, 'classify_gbv', { gbvType: 'physical_assault' },
    'NOT_A_FAMILY_PROTECTION_FILE'),
  row('classifying GBV on a family protection file', PR, 'evidence_gathering', police, familyFile,
    'classify_gbv', { gbvType: 'psychological_abuse' }, 'accepted'),

  // Victim protection (victim-protection-events.ts)
  row('assessing the risk on a file that is not family protection', PF, UI, prosecutors,
    withAccusedAndVictim, 'assess_risk', riskAssessment(PARTY.victim), 'NOT_A_FAMILY_PROTECTION_FILE'),
  row('assessing the risk to the accused', PF, UI, prosecutors, familyFile, 'assess_risk',
    riskAssessment(PARTY.accused), 'NOT_A_VICTIM_OF_THIS_FILE'),
  row('assessing the risk to a victim of the family file', PF, 'registered', prosecutors,
    familyFile, 'assess_risk', riskAssessment(PARTY.victim), 'accepted'),
  row('referring without the victim\'s consent', PF, UI, prosecutors, familyFile,
    'refer_to_service', referral({}), 'REFERRAL_CONSENT_REQUIRED'),
  row('a prosecutor overriding the victim\'s consent', PF, UI, prosecutors, familyFile,
    'refer_to_service', referral({ consent: 'override', overrideReason: OVERRIDE_REASON }),
    'REFERRAL_OVERRIDE_CHIEF_ONLY'),
  row('the chief prosecutor overriding without a reason', PF, UI, ['chief_prosecutor'], familyFile,
    'refer_to_service', referral({ consent: 'override' }), 'REFERRAL_OVERRIDE_REASON_REQUIRED'),
  row('the chief prosecutor overriding in writing', PF, UI, ['chief_prosecutor'], familyFile,
    'refer_to_service', referral({ consent: 'override', overrideReason: OVERRIDE_REASON }),
    'accepted'),
  row('referring the accused to a service', PF, UI, prosecutors, familyFile, 'refer_to_service',
    referral({ consent: 'given', victimPartyId: PARTY.accused }), 'NOT_A_VICTIM_OF_THIS_FILE'),
  row('referring a victim with consent', PF, 'in_mediation', prosecutors, familyFile,
    'refer_to_service', referral({ consent: 'given' }), 'accepted'),
  row('referring on a file that is not family protection', PF, UI, prosecutors,
    withAccusedAndVictim, 'refer_to_service', referral({ consent: 'given' }),
    'NOT_A_FAMILY_PROTECTION_FILE'),
  row('a measure protecting the accused', PF, UI, prosecutors, familyFile,
    'issue_protection_measure', measure({ protectedPartyId: PARTY.accused }),
    'NOT_A_VICTIM_OF_THIS_FILE'),
  row('a measure against the victim', PF, UI, prosecutors, familyFile, 'issue_protection_measure',
    measure({ againstPartyId: PARTY.victim }), 'NOT_AN_ACCUSED_OF_THIS_FILE'),
  row('a measure protecting the victim from the accused', PF, UI, prosecutors, familyFile,
    'issue_protection_measure', measure({}), 'accepted'),
  row('a measure on a file that is not family protection', PF, UI, prosecutors,
    withAccusedAndVictim, 'issue_protection_measure', measure({}), 'NOT_A_FAMILY_PROTECTION_FILE'),
  row('a violation on a file that is not family protection', PF, UI, prosecutors,
    withAccusedAndVictim, 'record_measure_violation', violation, 'NOT_A_FAMILY_PROTECTION_FILE'),
  row('a violation on a family protection file', PF, UI, prosecutors, familyFile,
    'record_measure_violation', violation, 'accepted'),
  row('revoking a measure on a file that is not family protection', PF, UI, prosecutors,
    withAccusedAndVictim, 'revoke_protection_measure', { measureId: MEASURE, reason: 'قرار المحكمة' },
    'NOT_A_FAMILY_PROTECTION_FILE'),
  row('revoking a measure on a family protection file', PF, UI, prosecutors, familyFile,
    'revoke_protection_measure', { measureId: MEASURE, reason: 'قرار المحكمة' }, 'accepted'),
];

describe('guards of the shipped case types', () => {
  it.each(GUARD_ROWS)('$caseType / $event: $scenario → $expected', (r) => {
    expect(outcome(r.caseType, r.state, r.roles, r.extra, r.event, r.payload)).toBe(r.expected);
  });

  it('covers every guard code the shipped case types use', () => {
    const used = new Set(
      CASE_TYPES.flatMap((d) =>
        Object.values(d.events).flatMap((e) => (e.guards ?? []).map((g) => g.code)),
      ),
    );
    const tested = new Set(GUARD_ROWS.map((r) => r.expected));
    expect([...used].filter((code) => !tested.has(code))).toEqual([]);
  });

  it('gives every guard an Arabic and an English message', () => {
    const all = CASE_TYPES.flatMap((d) => Object.values(d.events).flatMap((e) => e.guards ?? []));
    expect(all.length).toBeGreaterThan(10);
    for (const guard of [...all, ...Object.values(guards)]) {
      expect(guard.message.ar, guard.code).toMatch(/[\u0600-\u06FF]/);
      expect(guard.message.en, guard.code).toMatch(/^[A-Z][\x20-\x7E]+$/);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The registry
// ---------------------------------------------------------------------------------------------

describe('the registry of case types', () => {
  it('finds every shipped case type by name, and nothing else', () => {
    expect(CASE_TYPES.map((d) => d.caseType)).toEqual([
      'police_report',
      'prosecution_file',
      'court_case',
      'appeal_case',
      'execution_file',
      'civil_claim',
    ]);
    for (const d of CASE_TYPES) expect(caseTypeDefinition(d.caseType)).toBe(d);
    expect(caseTypeDefinition('divorce')).toBeUndefined();
    expect(caseTypeDefinition('__proto__')).toBeUndefined();
  });

  it('has no problems in any shipped definition, and unique reference codes', () => {
    const names = CASE_TYPES.map((d) => d.caseType);
    for (const d of CASE_TYPES) expect(definitionProblems(d, names)).toEqual([]);
    const codes = CASE_TYPES.map((d) => d.referenceCode);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('links the criminal chain by referral: police → prosecution → court → appeal → execution', () => {
    const refers = (caseType: string) =>
      Object.values(definition(caseType).events).flatMap((e) =>
        (e.effects ?? []).flatMap((effect) => (effect.kind === 'refer' ? [effect.toCaseType] : [])),
      );
    expect(refers('police_report')).toContain('prosecution_file');
    expect(refers('prosecution_file')).toContain('court_case');
    expect(refers('court_case')).toEqual(expect.arrayContaining(['appeal_case', 'execution_file']));
    expect(refers('appeal_case')).toContain('execution_file');
  });

  it('lets only referral open a court case, an appeal or an execution file', () => {
    for (const name of ['court_case', 'appeal_case', 'execution_file']) {
      expect(definition(name).registeringRoles).toEqual([]);
    }
    for (const d of CASE_TYPES) {
      for (const role of d.registeringRoles) expect(ROLES).toContain(role);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Driving files through the generic engine
// ---------------------------------------------------------------------------------------------

interface SimulatedFile {
  definition: CaseTypeDefinition;
  facts: CaseFacts;
  version: number;
  effects: Effect[];
}

function openFile(caseType: string, extra: FactsExtra = {}): SimulatedFile {
  const d = definition(caseType);
  return {
    definition: d,
    facts: facts(caseType, d.initialState, [], extra),
    version: 1,
    effects: [],
  };
}

/** Fires an event as `roles` and, as the server would, moves the file on when it is accepted. */
function fire(
  file: SimulatedFile,
  roles: readonly Role[],
  event: string,
  payload: unknown,
): EventDecision {
  const decision = decideEvent(
    file.definition,
    { ...file.facts, actorRoles: roles },
    event,
    payload,
  );
  if (!decision.ok) {
    throw new Error(`${event} refused in ${file.facts.state}: ${JSON.stringify(decision)}`);
  }
  expect(eventsAllowedInState(file.definition, file.facts.state)).toContain(event);
  file.facts = { ...file.facts, state: decision.stateAfter };
  file.version += 1;
  file.effects.push(...decision.effects);
  return decision;
}

describe('the civil claim is configuration only', () => {
  it('goes from filed to closed through the generic engine', () => {
    const claim = openFile('civil_claim');
    expect(claim.facts.state).toBe('filed');

    fire(claim, ['court_clerk'], 'add_party', { personId: PERSON.victim, role: 'complainant' });
    fire(claim, ['court_clerk'], 'add_party', {
      personId: PERSON.accused,
      role: 'witness',
      relationshipToAccused: 'acquaintance',
    });
    const scheduled = fire(claim, ['court_clerk'], 'schedule_hearing', schedule(at(24 * 14)));
    expect(scheduled).toMatchObject({ stateAfter: 'scheduled', action: 'hearing.schedule' });

    // The server records the hearing it scheduled; the next events see it.
    claim.facts = { ...claim.facts, hearings: [hearing(HEARING.scheduled, 'scheduled', 24 * 14)] };
    claim.facts = { ...claim.facts, now: hoursFromNow(24 * 14 + 1) };
    const held = fire(claim, ['judge'], 'hold_hearing', hold(HEARING.scheduled));
    expect(held).toMatchObject({ stateBefore: 'scheduled', stateAfter: 'in_trial' });

    const judged = fire(claim, ['judge'], 'give_judgment', {
      inFavourOf: 'claimant',
      amountAwarded: 12_500,
      reasoning: 'ثبت الدين بالبينة الخطية',
    });
    expect(judged).toMatchObject({ stateBefore: 'in_trial', stateAfter: 'judged' });
    expect(definition('civil_claim').states.judged?.isDisposed).toBe(true);

    fire(claim, ['court_clerk'], 'close_claim', { note: 'أغلقت الدعوى' });
    expect(claim.facts.state).toBe('closed');
    expect(definition('civil_claim').states.closed?.isFinal).toBe(true);
    expect(claim.version).toBe(7);
    expect(eventsAllowedInState(claim.definition, 'closed')).toEqual([]);
  });

  it('refuses a judgment before any hearing was held, and a clerk giving judgment', () => {
    const claim = openFile('civil_claim');
    const payload = { inFavourOf: 'respondent', reasoning: 'لم تثبت الدعوى' };
    expect(
      decideEvent(
        claim.definition,
        { ...claim.facts, actorRoles: ['judge'] },
        'give_judgment',
        payload,
      ),
    ).toMatchObject({ ok: false, reason: 'not_allowed_in_state' });
    const inTrial = { ...claim.facts, state: 'in_trial', actorRoles: ['court_clerk'] as Role[] };
    expect(decideEvent(claim.definition, inTrial, 'give_judgment', payload)).toMatchObject({
      ok: false,
      reason: 'role_not_permitted',
      roles: ['judge'],
    });
  });

  it('can be settled at any stage before judgment', () => {
    for (const state of ['filed', 'scheduled', 'in_trial']) {
      const claim = openFile('civil_claim');
      claim.facts = { ...claim.facts, state };
      fire(claim, ['judge'], 'record_settlement', { terms: 'تصالح الطرفان على دفع المبلغ بأقساط' });
      expect(claim.facts.state).toBe('settled');
    }
  });
});

describe('the criminal chain, file by file', () => {
  it('takes a report from the police to the prosecution, the court and execution', () => {
    // Police report
    const report = openFile('police_report');
    fire(report, police, 'add_party', { personId: PERSON.accused, role: 'accused' });
    report.facts = { ...report.facts, parties: [party('accused', 'accused')] };
    fire(report, police, 'start_evidence_gathering', {});
    fire(report, police, 'arrest', arrest(PARTY.accused, at(-2)));
    report.facts = { ...report.facts, detentions: [detention(DETENTION.open, true)] };
    fire(report, police, 'police_hold', order(DETENTION.open));
    const referred = fire(report, police, 'refer_to_prosecution', referToProsecution);
    expect(referred).toMatchObject({ stateAfter: 'referred' });
    expect(report.effects).toContainEqual({
      kind: 'refer',
      toCaseType: 'prosecution_file',
      institutionField: 'prosecutionOfficeId',
      link: 'referral',
    });

    // Prosecution file, opened by the referral, with the parties and detention carried over
    const file = openFile('prosecution_file', { ...withOpenDetention });
    fire(file, prosecutors, 'open_investigation', { note: 'ورد المحضر من الشرطة' });
    fire(file, ['chief_prosecutor'], 'set_decision_deadline', { dueDate: at(24 * 30) });
    file.facts = {
      ...file.facts,
      openDeadlines: [{ name: 'decide_file', dueAt: hoursFromNow(720) }],
    };
    fire(file, prosecutors, 'question', { partyId: PARTY.accused, summary: 'أنكر المشتكى عليه' });
    fire(file, prosecutors, 'extend_detention', order(DETENTION.open));
    fire(file, prosecutors, 'add_charge', { partyId: PARTY.accused, offenceId: OFFENCE });
    file.facts = { ...file.facts, charges: [charge(CHARGE.theft, 'pending')] };
    fire(file, prosecutors, 'indict', indict([CHARGE.theft]));
    expect(file.facts.state).toBe('indicted');
    expect(file.effects).toContainEqual({ kind: 'complete_deadlines', names: ['decide_file'] });

    // Court case, opened by the indictment
    const trial = openFile('court_case', {
      ...withAccusedAndVictim,
      charges: [charge(CHARGE.theft, 'indicted')],
    });
    fire(trial, clerks, 'schedule_hearing', schedule(at(24 * 10)));
    trial.facts = { ...trial.facts, hearings: [hearing(HEARING.scheduled, 'scheduled', 240)] };
    fire(trial, judges, 'adjourn_hearing', adjourn(HEARING.scheduled, at(24 * 20)));
    fire(trial, judges, 'hold_hearing', hold(HEARING.scheduled));
    fire(trial, judges, 'record_judgment', judgment(CHARGE.theft));
    expect(trial.facts.state).toBe('appeal_window');
    trial.facts = {
      ...trial.facts,
      openDeadlines: [{ name: 'appeal_window', dueAt: hoursFromNow(24 * 21) }],
    };
    expect(() => fire(trial, clerks, 'declare_final', {})).toThrow(/APPEAL_WINDOW_OPEN/);
    trial.facts = { ...trial.facts, now: hoursFromNow(24 * 22) };
    fire(trial, clerks, 'declare_final', {});
    fire(trial, clerks, 'refer_for_execution', referToProsecution);
    expect(trial.facts.state).toBe('archived');

    // Execution file
    const execution = openFile('execution_file');
    fire(execution, prosecutors, 'commit_to_custody', {
      correctionCentreId: INSTITUTION.correction,
      startsOn: '2026-04-01',
    });
    fire(execution, prosecutors, 'record_fine_payment', {
      amount: 250,
      receiptNumber: 'R-2026-114',
    });
    fire(execution, prosecutors, 'complete_execution', {});
    expect(execution.facts.state).toBe('completed');
  });

  it('sends an appeal to the appellate court, which decides it', () => {
    const trial = openFile('court_case');
    trial.facts = { ...trial.facts, state: 'appeal_window' };
    fire(trial, clerks, 'file_appeal', {
      appellateCourtId: INSTITUTION.appealCourt,
      appellant: 'defence',
      grounds: 'فساد في الاستدلال',
    });
    expect(trial.effects).toEqual(
      expect.arrayContaining([
        {
          kind: 'refer',
          toCaseType: 'appeal_case',
          institutionField: 'appellateCourtId',
          link: 'appeal',
        },
        { kind: 'complete_deadlines', names: ['appeal_window'] },
      ]),
    );

    const appeal = openFile('appeal_case');
    fire(appeal, clerks, 'schedule_hearing', schedule(at(48)));
    fire(appeal, judges, 'decide_appeal', { outcome: 'upheld', reasoning: 'الحكم موافق للقانون' });
    fire(appeal, clerks, 'refer_for_execution', referToProsecution);
    expect(appeal.facts.state).toBe('archived');

    fire(trial, clerks, 'record_appeal_outcome', { outcome: 'upheld' });
    fire(trial, clerks, 'archive', {});
    expect(trial.facts.state).toBe('archived');
  });

  it('closes a prosecution file with a reason, or after successful mediation', () => {
    const closed = openFile('prosecution_file', withAccusedAndVictim);
    fire(closed, prosecutors, 'close_file', { reasonCode: 'insufficient_evidence' });
    expect(closed.facts.state).toBe('closed');

    const mediated = openFile('prosecution_file', withAccusedAndVictim);
    fire(mediated, prosecutors, 'open_investigation', {});
    fire(mediated, prosecutors, 'offer_mediation', {});
    fire(mediated, prosecutors, 'refer_to_mediation', referToMediation({}));
    expect(definition('prosecution_file').states.in_mediation?.isSuspended).toBe(true);
    fire(mediated, ['mediator'], 'record_mediation_failure', { reason: 'لم يحضر الطرفان' });
    expect(mediated.facts.state).toBe('under_investigation');
    fire(mediated, prosecutors, 'offer_mediation', {});
    fire(mediated, prosecutors, 'refer_to_mediation', referToMediation({}));
    fire(mediated, ['chief_prosecutor'], 'reassign', { userId: USER, reason: 'إجازة' });
    fire(mediated, ['child_protection_counsellor'], 'record_mediation_agreement', agreement());
    expect(definition('prosecution_file').states.mediation_agreed?.isSuspended).toBe(true);
    fire(mediated, prosecutors, 'record_mediation_fulfilled', { note: 'نفذت الالتزامات' });
    expect(mediated.facts.state).toBe('closed');
  });
});
