/**
 * The risk assessment on the web side (issue 6), pure: the questionnaire as
 * `GET /risk-questionnaire` sends it, what the form still lacks, a kept draft brought back in step
 * with the questionnaire, and the file's assessments as one history per victim, newest first. The
 * score and the level are the server's: the form never computes them.
 */
import type { Labels } from '../../api/types';
import type { RiskAssessment, RiskLevel } from './types';

export interface RiskOption {
  id: string;
  labels: Labels;
  points: number;
  /** A red flag: this answer makes the result at least this level. */
  minimumLevel?: RiskLevel;
}

export interface RiskQuestion {
  id: string;
  labels: Labels;
  options: RiskOption[];
}

export interface RiskQuestionnaire {
  id: string;
  labels: Labels;
  questions: RiskQuestion[];
  thresholds: { medium: number; high: number; severe: number };
}

/** The form: the victim assessed, and an answer id per question id. */
export interface RiskDraft {
  victimPartyId: string;
  answers: Record<string, string>;
}

/** The questions without an answer, in the questionnaire's order. */
export function unanswered(questionnaire: RiskQuestionnaire, answers: Record<string, string>) {
  return questionnaire.questions.filter(
    (q) => !q.options.some((option) => option.id === answers[q.id]),
  );
}

/**
 * A draft kept in the session, in step with today's questionnaire and the file's victims: answers
 * to questions or with options that no longer exist are dropped (the server would refuse them),
 * and so is a victim no longer on the file. With one victim, she is chosen.
 */
export function restoreDraft(
  stored: unknown,
  questionnaire: RiskQuestionnaire,
  victimIds: readonly string[],
): RiskDraft {
  const fallbackVictim = victimIds.length === 1 ? (victimIds[0] ?? '') : '';
  const draft: RiskDraft = { victimPartyId: fallbackVictim, answers: {} };
  if (typeof stored !== 'object' || stored === null) return draft;
  const { victimPartyId, answers } = stored as Partial<Record<keyof RiskDraft, unknown>>;
  if (typeof victimPartyId === 'string' && victimIds.includes(victimPartyId)) {
    draft.victimPartyId = victimPartyId;
  }
  if (typeof answers === 'object' && answers !== null) {
    for (const q of questionnaire.questions) {
      const answer = (answers as Record<string, unknown>)[q.id];
      if (typeof answer === 'string' && q.options.some((o) => o.id === answer)) {
        draft.answers[q.id] = answer;
      }
    }
  }
  return draft;
}

/** The levels that call for the prosecutor's urgent response (the server makes the task). */
export const URGENT_LEVELS: readonly RiskLevel[] = ['high', 'severe'];

export interface RiskHistory {
  victimPartyId: string;
  latest: RiskAssessment;
  /** The assessments before the latest, newest first. */
  earlier: RiskAssessment[];
}

/** One history per victim, newest assessment first; victims in the order first assessed. */
export function riskHistories(assessments: readonly RiskAssessment[]): RiskHistory[] {
  const byVictim = new Map<string, RiskAssessment[]>();
  const oldestFirst = [...assessments].sort((a, b) => a.assessedAt.localeCompare(b.assessedAt));
  for (const assessment of oldestFirst) {
    const list = byVictim.get(assessment.victimPartyId) ?? [];
    list.push(assessment);
    byVictim.set(assessment.victimPartyId, list);
  }
  return [...byVictim.entries()].map(([victimPartyId, list]) => {
    const newestFirst = [...list].reverse();
    const [latest, ...earlier] = newestFirst as [RiskAssessment, ...RiskAssessment[]];
    return { victimPartyId, latest, earlier };
  });
}
