/** Every CaseAction's implementation. The record type makes a missing one a compile error. */
import type { ActionHandlers } from './action-context';
import { classifyGbv } from './classification';
import { instructCounsellor, submitSocialReport } from './counsellor';
import { recordDecision } from './decisions';
import { recordMediation } from './mediation';
import { arrest, orderDetention, release } from './detention';
import { adjournHearing, holdHearing, scheduleHearing } from './hearings';
import { recordJudgment } from './judgments';
import { addCharge, addParty } from './parties-and-charges';
import { reassignLead } from './reassign';
import { issueMeasure, recordViolation, revokeMeasure } from './protection-measures';
import { sendReferral } from './referral';
import { assessRisk } from './risk-assessment';

export const ACTION_HANDLERS: ActionHandlers = {
  'party.add': addParty,
  'charge.add': addCharge,
  'decision.record': recordDecision,
  'assignment.change': reassignLead,
  'detention.arrest': arrest,
  'detention.order': orderDetention,
  'detention.release': release,
  'hearing.schedule': scheduleHearing,
  'hearing.adjourn': adjournHearing,
  'hearing.hold': holdHearing,
  'judgment.record': recordJudgment,
  'mediation.record': recordMediation,
  'counsellor.instruct': instructCounsellor,
  'counsellor.report': submitSocialReport,
  'classification.gbv': classifyGbv,
  'risk.assess': assessRisk,
  'referral.send': sendReferral,
  'measure.issue': issueMeasure,
  'measure.violation': recordViolation,
  'measure.revoke': revokeMeasure,
};
