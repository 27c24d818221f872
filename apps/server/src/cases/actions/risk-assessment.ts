/**
 * risk.assess: scores the victim's answers with the configured questionnaire (the domain default or
 * QADIYA_RISK_QUESTIONNAIRE) and keeps the assessment; every re-assessment is a new row, so the
 * history of the victim's risk stays on the file. A high or severe result gives the lead an urgent
 * task; the next assessment of the same victim, a protection measure for them or a shelter
 * referral answers it (the risk_response task is about the victim: its subject is the party).
 */
import {
  RISK_RESPONSE_HOURS,
  URGENT_RISK_LEVELS,
  scoreRiskAssessment,
  type RiskLevel,
} from '@qadiya/domain';
import { AppError } from '../../http/errors';
import { actorUserIdForFk } from '../../policy/actor';
import type { ActionContext, ActionHandler } from './action-context';
import { insertSubjectDeadline, leadOrLeadRole } from './action-deadlines';

export const RISK_RESPONSE_TASK = 'risk_response';

const PROBLEMS = {
  unknown_question: 'is not a question of the risk questionnaire',
  unknown_answer: 'is not one of the answers of this question',
  not_answered: 'is not answered (choose "unknown" when the victim does not know)',
} as const;

/** The task's title for each level that needs an urgent response (URGENT_RISK_LEVELS). */
const URGENT_TITLES: Readonly<Partial<Record<RiskLevel, { ar: string; en: string }>>> = {
  high: {
    ar: 'خطورة مرتفعة على الضحية: اتخاذ تدابير الحماية',
    en: 'High risk to the victim: take protective action',
  },
  severe: {
    ar: 'خطورة شديدة على الضحية: اتخاذ تدابير الحماية فوراً',
    en: 'Severe risk to the victim: take protective action now',
  },
};

/** Completes the open risk_response task about a victim: something answered the risk. */
export async function answerRiskResponse(
  { trx, file, now }: ActionContext,
  victimPartyId: string,
): Promise<void> {
  await trx
    .updateTable('deadlines')
    .set({ completed_at: now })
    .where('case_id', '=', file.id)
    .where('name', '=', RISK_RESPONSE_TASK)
    .where('subject_id', '=', victimPartyId)
    .where('completed_at', 'is', null)
    .execute();
}

export const assessRisk: ActionHandler = async (context) => {
  const { trx, ctx, file, payload, now, eventId } = context;
  const questionnaire = ctx.config.riskQuestionnaire;
  const answers = payload.answers as Record<string, string>;
  const result = scoreRiskAssessment(questionnaire, answers);
  if (!result.ok) {
    const issues = result.problems.map((p) => ({
      field: `payload.answers.${p.questionId}`,
      in: 'body',
      problem: PROBLEMS[p.problem],
    }));
    throw new AppError(
      'VALIDATION_FAILED',
      `Invalid payload field "${issues[0]?.field ?? 'payload.answers'}": ${issues[0]?.problem ?? 'invalid'}`,
      { issues, questionnaireId: questionnaire.id },
    );
  }
  const victimPartyId = payload.victimPartyId as string;
  await trx
    .insertInto('risk_assessments')
    .values({
      case_id: file.id,
      victim_party_id: victimPartyId,
      assessed_at: now,
      assessed_by: actorUserIdForFk(ctx.actor),
      questionnaire_id: questionnaire.id,
      answers: JSON.stringify(answers),
      score: result.score,
      level: result.level,
      event_id: eventId,
    })
    .execute();
  await answerRiskResponse(context, victimPartyId);
  const title = URGENT_RISK_LEVELS.includes(result.level) ? URGENT_TITLES[result.level] : undefined;
  if (title) {
    await insertSubjectDeadline(context, {
      name: RISK_RESPONSE_TASK,
      kind: 'task',
      title,
      priority: 'urgent',
      dueAt: new Date(now.getTime() + RISK_RESPONSE_HOURS * 3_600_000),
      subjectId: victimPartyId,
      assignee: await leadOrLeadRole(context),
    });
  }
};
