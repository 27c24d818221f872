/**
 * The structured risk assessment of a victim of family violence (issue 6): a questionnaire whose
 * answers carry points, scored to low, medium, high or severe. A high or severe result creates an
 * urgent task for the prosecutor; every assessment is kept.
 *
 * The default is modelled on the common danger and lethality tools (J. Campbell's Danger
 * Assessment, the DASH checklist): the weights follow the Danger Assessment's, where strangulation,
 * separation, weapons and threats to kill weigh most, and its bands (under 8, 8–13, 14–17, 18 and
 * more) give the four levels. Strangulation and the use of a weapon are "red flags": whatever the
 * score, they make the risk at least high. Threats in the name of "honour" are added for the
 * region. These are model values to be confirmed by each deployment, which may replace the whole
 * questionnaire (QADIYA_RISK_QUESTIONNAIRE, checked by `riskQuestionnaireProblems` at start-up).
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import type { Labels } from '../workflow/types';

export const RISK_LEVELS = ['low', 'medium', 'high', 'severe'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_LEVEL_LABELS: Readonly<Record<RiskLevel, Labels>> = {
  low: { ar: 'منخفض', en: 'Low' },
  medium: { ar: 'متوسط', en: 'Medium' },
  high: { ar: 'مرتفع', en: 'High' },
  severe: { ar: 'شديد الخطورة', en: 'Severe' },
};

/** The levels that need the prosecutor's urgent response. */
export const URGENT_RISK_LEVELS: readonly RiskLevel[] = ['high', 'severe'];

/** How long the lead prosecutor has to respond to a high or severe result. */
export const RISK_RESPONSE_HOURS = 24;

const Id = Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' });
const LabelsSchema = Type.Object(
  {
    ar: Type.String({ minLength: 1, maxLength: 500 }),
    en: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

/** The shape of a questionnaire, also the shape of the JSON file that replaces the default. */
export const RiskQuestionnaireSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{0,59}$' }),
    labels: LabelsSchema,
    questions: Type.Array(
      Type.Object(
        {
          id: Id,
          labels: LabelsSchema,
          options: Type.Array(
            Type.Object(
              {
                id: Id,
                labels: LabelsSchema,
                points: Type.Integer({ minimum: 0, maximum: 100 }),
                /** A red flag: this answer makes the result at least this level. */
                minimumLevel: Type.Optional(Type.Enum(RISK_LEVELS)),
              },
              { additionalProperties: false },
            ),
            { minItems: 2, maxItems: 10 },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 60 },
    ),
    /** The lowest score of each level above low. */
    thresholds: Type.Object(
      {
        medium: Type.Integer({ minimum: 1 }),
        high: Type.Integer({ minimum: 1 }),
        severe: Type.Integer({ minimum: 1 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
export type RiskQuestionnaire = Static<typeof RiskQuestionnaireSchema>;

const YES_NO = (points: number, yes: Labels, minimumLevel?: RiskLevel) => [
  { id: 'yes', labels: yes, points, ...(minimumLevel ? { minimumLevel } : {}) },
  { id: 'no', labels: { ar: 'لا', en: 'No' }, points: 0 },
  {
    id: 'unknown',
    labels: { ar: 'لا أعرف / رفضت الإجابة', en: "Don't know / declined to say" },
    points: 0,
  },
];
const YES = { ar: 'نعم', en: 'Yes' };

const question = (id: string, labels: Labels, points: number, minimumLevel?: RiskLevel) => ({
  id,
  labels,
  options: YES_NO(points, YES, minimumLevel),
});

export const DEFAULT_RISK_QUESTIONNAIRE: RiskQuestionnaire = {
  id: 'qadiya-dv-risk-1',
  labels: {
    ar: 'تقييم الخطورة في قضايا العنف الأسري',
    en: 'Family violence risk assessment',
  },
  questions: [
    question(
      'strangulation',
      {
        ar: 'هل حاول المشتكى عليه خنق الضحية أو كتم أنفاسها؟',
        en: 'Has the accused ever tried to strangle or choke the victim?',
      },
      4,
      'high',
    ),
    question(
      'threats_to_kill',
      {
        ar: 'هل هدّد المشتكى عليه الضحية بالقتل؟',
        en: 'Has the accused threatened to kill the victim?',
      },
      3,
    ),
    question(
      'weapon_used',
      {
        ar: 'هل استخدم المشتكى عليه سلاحاً ضد الضحية أو هدّدها به؟',
        en: 'Has the accused used a weapon against the victim or threatened the victim with one?',
      },
      3,
      'high',
    ),
    question(
      'weapon_access',
      {
        ar: 'هل يملك المشتكى عليه سلاحاً نارياً أو يستطيع الحصول عليه؟',
        en: 'Does the accused own or have access to a firearm?',
      },
      1,
    ),
    question(
      'separation',
      {
        ar: 'هل انفصلت الضحية عن المشتكى عليه أو حاولت الانفصال عنه خلال السنة الأخيرة؟',
        en: 'Has the victim separated, or tried to separate, from the accused in the past year?',
      },
      3,
    ),
    question(
      'honour_threats',
      {
        ar: 'هل هُدّدت الضحية من المشتكى عليه أو من أفراد العائلة بذريعة "الشرف"؟',
        en: 'Has the victim been threatened by the accused or by family members in the name of "honour"?',
      },
      3,
    ),
    question(
      'escalation',
      {
        ar: 'هل ازداد العنف الجسدي شدةً أو تكراراً خلال السنة الأخيرة؟',
        en: 'Has the physical violence become more severe or more frequent in the past year?',
      },
      1,
    ),
    question(
      'pregnancy',
      {
        ar: 'هل اعتدى المشتكى عليه على الضحية أثناء حملها، أو هي حامل الآن؟',
        en: 'Has the accused beaten the victim during a pregnancy, or is the victim pregnant now?',
      },
      1,
    ),
    question(
      'children_exposed',
      {
        ar: 'هل شهد الأطفال العنف أو تعرّضوا له، أو هدّد المشتكى عليه بإيذائهم؟',
        en: 'Have children witnessed or suffered the violence, or has the accused threatened to harm them?',
      },
      1,
    ),
    question(
      'stalking',
      {
        ar: 'هل يلاحق المشتكى عليه الضحية أو يراقبها أو يتصل بها ويراسلها رغماً عنها؟',
        en: 'Does the accused follow or watch the victim, or call and message the victim against their will?',
      },
      1,
    ),
    question(
      'controlling',
      {
        ar: 'هل يتحكم المشتكى عليه في معظم شؤون الضحية اليومية (المال، التنقل، من تقابل)؟',
        en: "Does the accused control most of the victim's daily life (money, movement, whom they see)?",
      },
      1,
    ),
    question(
      'jealousy',
      {
        ar: 'هل يغار المشتكى عليه غيرةً شديدة ودائمة مصحوبة بالعنف؟',
        en: 'Is the accused violently and constantly jealous?',
      },
      1,
    ),
    question(
      'forced_sex',
      {
        ar: 'هل أجبر المشتكى عليه الضحية على علاقة جنسية؟',
        en: 'Has the accused forced the victim to have sex?',
      },
      1,
    ),
    question(
      'substance_abuse',
      {
        ar: 'هل يتعاطى المشتكى عليه المخدرات أو يسرف في شرب الكحول؟',
        en: 'Does the accused use drugs or drink heavily?',
      },
      1,
    ),
    question(
      'suicide_threats',
      {
        ar: 'هل هدّد المشتكى عليه بالانتحار أو حاوله؟',
        en: 'Has the accused threatened or tried to kill himself?',
      },
      1,
    ),
    question(
      'believes_capable',
      {
        ar: 'هل تعتقد الضحية أن المشتكى عليه قادر على قتلها؟',
        en: 'Does the victim believe the accused is capable of killing them?',
      },
      1,
    ),
  ],
  thresholds: { medium: 8, high: 14, severe: 18 },
};

/**
 * What is wrong with a questionnaire (empty when nothing): its shape, then what the shape cannot
 * say: unique ids, thresholds that rise, a severe level that some answers can reach.
 */
export function riskQuestionnaireProblems(value: unknown): string[] {
  if (!Value.Check(RiskQuestionnaireSchema, value)) {
    return [...Value.Errors(RiskQuestionnaireSchema, value)]
      .slice(0, 5)
      .map((e) => `${e.instancePath || '(root)'}: ${e.message}`);
  }
  const problems: string[] = [];
  const questionIds = value.questions.map((q) => q.id);
  for (const id of new Set(questionIds.filter((q, i) => questionIds.indexOf(q) !== i)))
    problems.push(`question ${id} appears more than once`);
  for (const q of value.questions) {
    const optionIds = q.options.map((o) => o.id);
    if (new Set(optionIds).size !== optionIds.length)
      problems.push(`question ${q.id} has an answer id more than once`);
    for (const text of [q.labels, ...q.options.map((o) => o.labels)]) {
      if (!/[\u0600-\u06FF]/.test(text.ar))
        problems.push(`question ${q.id}: the Arabic text "${text.ar}" has no Arabic letter`);
    }
  }
  const { medium, high, severe } = value.thresholds;
  if (!(medium < high && high < severe))
    problems.push('thresholds must rise: medium < high < severe');
  const maxScore = value.questions.reduce(
    (sum, q) => sum + Math.max(...q.options.map((o) => o.points)),
    0,
  );
  if (maxScore < severe)
    problems.push(`no answers reach the severe threshold (${severe}; at most ${maxScore} points)`);
  return problems;
}

export type RiskAnswers = Readonly<Record<string, string>>;

export interface RiskAnswerProblem {
  questionId: string;
  problem: 'unknown_question' | 'unknown_answer' | 'not_answered';
}

export type RiskScore =
  { ok: true; score: number; level: RiskLevel } | { ok: false; problems: RiskAnswerProblem[] };

const levelRank = (level: RiskLevel) => RISK_LEVELS.indexOf(level);

/**
 * Scores one set of answers: the sum of the points of the chosen answers, banded by the
 * thresholds, raised to the level of any red-flag answer. Every question must be answered (with
 * "don't know" where the victim does not know) and nothing else may be: an unknown question or
 * answer is refused, never ignored, so a form out of step with the questionnaire cannot pass.
 */
export function scoreRiskAssessment(
  questionnaire: RiskQuestionnaire,
  answers: RiskAnswers,
): RiskScore {
  const problems: RiskAnswerProblem[] = [];
  const known = new Map(questionnaire.questions.map((q) => [q.id, q]));
  for (const questionId of Object.keys(answers).sort()) {
    if (!known.has(questionId)) problems.push({ questionId, problem: 'unknown_question' });
  }
  let score = 0;
  let level: RiskLevel = 'low';
  for (const q of questionnaire.questions) {
    const answer = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    if (answer === undefined) {
      problems.push({ questionId: q.id, problem: 'not_answered' });
      continue;
    }
    const option = q.options.find((o) => o.id === answer);
    if (!option) {
      problems.push({ questionId: q.id, problem: 'unknown_answer' });
      continue;
    }
    score += option.points;
    if (option.minimumLevel && levelRank(option.minimumLevel) > levelRank(level))
      level = option.minimumLevel;
  }
  if (problems.length > 0) return { ok: false, problems };
  const { medium, high, severe } = questionnaire.thresholds;
  const byScore: RiskLevel =
    score >= severe ? 'severe' : score >= high ? 'high' : score >= medium ? 'medium' : 'low';
  return { ok: true, score, level: levelRank(byScore) > levelRank(level) ? byScore : level };
}
