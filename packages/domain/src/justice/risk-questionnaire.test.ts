import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RISK_QUESTIONNAIRE,
  riskQuestionnaireProblems,
  scoreRiskAssessment,
  type RiskQuestionnaire,
} from './risk-questionnaire';
import { isMeasureInForce, measureStatusAt, referralStatusAfter } from './victim-services';

const Q = DEFAULT_RISK_QUESTIONNAIRE;
/** Every question answered "no", then the given answers. */
const answers = (over: Record<string, string> = {}) => ({
  ...Object.fromEntries(Q.questions.map((q) => [q.id, 'no'])),
  ...over,
});
const yes = (...ids: string[]) => answers(Object.fromEntries(ids.map((id) => [id, 'yes'])));

describe('the default risk questionnaire', () => {
  it('is valid, bilingual, and asks about the known danger factors', () => {
    expect(riskQuestionnaireProblems(Q)).toEqual([]);
    for (const q of Q.questions) {
      expect(q.labels.ar, q.id).toMatch(/[\u0600-\u06FF]/);
      expect(q.labels.en, q.id).toMatch(/^[A-Z].+\?$/);
      expect(q.options.map((o) => o.id)).toEqual(['yes', 'no', 'unknown']);
    }
    expect(Q.questions.map((q) => q.id)).toEqual(
      expect.arrayContaining([
        'threats_to_kill',
        'strangulation',
        'weapon_access',
        'escalation',
        'separation',
        'pregnancy',
        'children_exposed',
        'stalking',
        'controlling',
      ]),
    );
  });

  it.each([
    ['nothing', [], 0, 'low'],
    ['a few lesser factors', ['stalking', 'controlling', 'jealousy'], 3, 'low'],
    [
      'threats to kill and separation, with escalation and stalking',
      ['threats_to_kill', 'separation', 'escalation', 'stalking'],
      8,
      'medium',
    ],
    [
      'just below high',
      [
        'threats_to_kill',
        'separation',
        'honour_threats',
        'escalation',
        'stalking',
        'controlling',
        'jealousy',
      ],
      13,
      'medium',
    ],
    [
      'the high band',
      [
        'threats_to_kill',
        'separation',
        'honour_threats',
        'escalation',
        'stalking',
        'controlling',
        'jealousy',
        'forced_sex',
      ],
      14,
      'high',
    ],
    [
      'the severe band',
      [
        'threats_to_kill',
        'separation',
        'honour_threats',
        'weapon_access',
        'escalation',
        'stalking',
        'controlling',
        'jealousy',
        'forced_sex',
        'substance_abuse',
        'suicide_threats',
        'believes_capable',
      ],
      18,
      'severe',
    ],
    // Red flags: strangulation or a weapon make the risk at least high, whatever the score.
    ['strangulation alone', ['strangulation'], 4, 'high'],
    ['a weapon used', ['weapon_used'], 3, 'high'],
  ] as const)('scores %s', (_name, factors, score, level) => {
    expect(scoreRiskAssessment(Q, yes(...factors))).toEqual({ ok: true, score, level });
  });

  it('counts "don\'t know" as no points', () => {
    const unknown = answers(Object.fromEntries(Q.questions.map((q) => [q.id, 'unknown'])));
    expect(scoreRiskAssessment(Q, unknown)).toEqual({ ok: true, score: 0, level: 'low' });
  });

  it('reaches severe with every factor', () => {
    const all = yes(...Q.questions.map((q) => q.id));
    expect(scoreRiskAssessment(Q, all)).toMatchObject({ ok: true, level: 'severe' });
  });

  it('refuses unknown questions, unknown answers and unanswered questions, naming each', () => {
    const missing = Object.fromEntries(
      Object.entries(answers()).filter(([question]) => question !== 'strangulation'),
    );
    expect(
      scoreRiskAssessment(Q, { ...missing, threats_to_kill: 'maybe', shoe_size: 'yes' }),
    ).toEqual({
      ok: false,
      problems: [
        { questionId: 'shoe_size', problem: 'unknown_question' },
        { questionId: 'strangulation', problem: 'not_answered' },
        { questionId: 'threats_to_kill', problem: 'unknown_answer' },
      ],
    });
    expect(scoreRiskAssessment(Q, answers({ constructor: 'yes' }))).toEqual({
      ok: false,
      problems: [{ questionId: 'constructor', problem: 'unknown_question' }],
    });
  });
});

describe('a configured questionnaire', () => {
  const small: RiskQuestionnaire = {
    id: 'pilot-1',
    labels: { ar: 'استبيان تجريبي', en: 'Pilot' },
    questions: [
      {
        id: 'threat',
        labels: { ar: 'هل هُددت الضحية؟', en: 'Was the victim threatened?' },
        options: [
          { id: 'yes', labels: { ar: 'نعم', en: 'Yes' }, points: 5 },
          { id: 'no', labels: { ar: 'لا', en: 'No' }, points: 0 },
        ],
      },
    ],
    thresholds: { medium: 2, high: 4, severe: 5 },
  };

  it('is scored by its own points and thresholds', () => {
    expect(riskQuestionnaireProblems(small)).toEqual([]);
    expect(scoreRiskAssessment(small, { threat: 'yes' })).toEqual({
      ok: true,
      score: 5,
      level: 'severe',
    });
  });

  it.each([
    [
      'thresholds that do not rise',
      { ...small, thresholds: { medium: 4, high: 4, severe: 5 } },
      /must rise/,
    ],
    [
      'a severe level no answers reach',
      { ...small, thresholds: { medium: 2, high: 4, severe: 9 } },
      /no answers reach/,
    ],
    [
      'a question asked twice',
      { ...small, questions: [small.questions[0]!, small.questions[0]!] },
      /appears more than once/,
    ],
    [
      'Arabic text without Arabic',
      {
        ...small,
        labels: small.labels,
        questions: [{ ...small.questions[0]!, labels: { ar: 'threat?', en: 'Threat?' } }],
      },
      /no Arabic letter/,
    ],
    [
      'negative points',
      {
        ...small,
        questions: [
          {
            ...small.questions[0]!,
            options: [
              { id: 'yes', labels: { ar: 'نعم', en: 'Yes' }, points: -1 },
              { id: 'no', labels: { ar: 'لا', en: 'No' }, points: 0 },
            ],
          },
        ],
      },
      /minimum|>=/,
    ],
    ['not an object at all', 'questions', /./],
  ] as const)('is refused with %s', (_name, value, problem) => {
    const problems = riskQuestionnaireProblems(value);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(problem);
  });
});

describe('referral statuses and protection measure statuses', () => {
  it('lets a service accept or decline a sent referral, and close an accepted one', () => {
    expect(referralStatusAfter('sent', 'accept')).toBe('accepted');
    expect(referralStatusAfter('sent', 'decline')).toBe('declined');
    expect(referralStatusAfter('accepted', 'close')).toBe('closed');
    expect(referralStatusAfter('sent', 'close')).toBeNull();
    expect(referralStatusAfter('declined', 'accept')).toBeNull();
    expect(referralStatusAfter('closed', 'close')).toBeNull();
  });

  it('makes a measure expired by time alone, and keeps a revoked one revoked', () => {
    const expiry = new Date('2026-05-01T00:00:00Z');
    const before = new Date('2026-04-30T23:59:59Z');
    expect(measureStatusAt('active', expiry, before)).toBe('active');
    expect(measureStatusAt('violated', expiry, before)).toBe('violated');
    expect(measureStatusAt('active', expiry, expiry)).toBe('expired');
    expect(measureStatusAt('violated', expiry, expiry)).toBe('expired');
    expect(measureStatusAt('revoked', expiry, before)).toBe('revoked');
    expect(isMeasureInForce('violated', expiry, before)).toBe(true);
    expect(isMeasureInForce('active', expiry, expiry)).toBe(false);
    expect(isMeasureInForce('revoked', expiry, before)).toBe(false);
  });
});
