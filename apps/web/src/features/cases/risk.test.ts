import { DEFAULT_RISK_QUESTIONNAIRE } from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import { restoreDraft, riskHistories, unanswered, type RiskQuestionnaire } from './risk';
import type { RiskAssessment } from './types';

// The domain's default questionnaire, as the API sends it (the web's type takes it as it is).
const questionnaire: RiskQuestionnaire = DEFAULT_RISK_QUESTIONNAIRE;
const first = questionnaire.questions[0]!;
const second = questionnaire.questions[1]!;

function assessment(id: string, victimPartyId: string, assessedAt: string): RiskAssessment {
  return {
    id,
    victimPartyId,
    assessedAt,
    assessedBy: null,
    questionnaireId: questionnaire.id,
    answers: {},
    score: 0,
    level: 'low',
  };
}

describe('the risk assessment form', () => {
  it('lists the questions still without a valid answer, in order', () => {
    const answers = { [first.id]: 'yes', [second.id]: 'not-an-option' };
    const missing = unanswered(questionnaire, answers).map((q) => q.id);
    expect(missing[0]).toBe(second.id);
    expect(missing).not.toContain(first.id);
    expect(missing).toHaveLength(questionnaire.questions.length - 1);
  });

  it('brings back a draft without what the questionnaire or the file no longer has', () => {
    const draft = restoreDraft(
      {
        victimPartyId: 'gone',
        answers: { [first.id]: 'yes', [second.id]: 'maybe', removed_question: 'yes' },
      },
      questionnaire,
      ['v1', 'v2'],
    );
    expect(draft).toEqual({ victimPartyId: '', answers: { [first.id]: 'yes' } });
    expect(restoreDraft(null, questionnaire, ['v1'])).toEqual({ victimPartyId: 'v1', answers: {} });
    expect(restoreDraft({ victimPartyId: 'v2' }, questionnaire, ['v1', 'v2']).victimPartyId).toBe(
      'v2',
    );
  });
});

describe('risk histories', () => {
  it('keep every assessment, one history per victim, newest first', () => {
    const histories = riskHistories([
      assessment('b', 'v1', '2026-03-02T10:00:00Z'),
      assessment('c', 'v2', '2026-03-03T10:00:00Z'),
      assessment('a', 'v1', '2026-03-01T10:00:00Z'),
      assessment('d', 'v1', '2026-03-04T10:00:00Z'),
    ]);
    expect(histories.map((h) => h.victimPartyId)).toEqual(['v1', 'v2']);
    expect(histories[0]?.latest.id).toBe('d');
    expect(histories[0]?.earlier.map((a) => a.id)).toEqual(['b', 'a']);
    expect(histories[1]?.earlier).toEqual([]);
    expect(riskHistories([])).toEqual([]);
  });
});
