/**
 * Reads the family protection dashboard's answer into the cells the independent computation
 * produces (family-protection-expected.ts), and the relations between the counts that a reader
 * could use to compute one from others: the test checks small-cell suppression against those.
 */
import {
  GBV_TYPES,
  PROTECTION_MEASURE_KINDS,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
} from '@qadiya/domain';
import type { Figure } from './family-protection-expected';

interface CellValue {
  value: number | null;
  suppressed: boolean;
}

export interface CountCell extends CellValue {
  breakdown?: (CellValue & { category: string })[];
}

export interface Answer {
  period: { from: string; to: string };
  institutionId: string | null;
  institutions: { id: string }[];
  splitBy: string | null;
  categories: { code: string; labels: { ar: string; en: string } }[];
  suppression: { applied: boolean; threshold: number };
  attrition: {
    stages: {
      code: string;
      count: CountCell;
      percentOfComplaints: CountCell;
      percentOfPreviousStage: CountCell | null;
    }[];
    outcomes: { code: string; stage: string; count: CountCell }[];
  };
  gbvTypes: {
    total: CountCell;
    types: { code: string; count: CountCell }[];
    contextFlags: { code: string; count: CountCell }[];
  };
  referrals: {
    total: CountCell;
    consentOverrides: CountCell;
    byService: {
      service: string;
      count: CountCell;
      byStatus: { status: string; count: CountCell }[];
    }[];
    byStatus: { status: string; count: CountCell }[];
  };
  protectionMeasures: {
    issued: CountCell;
    violated: CountCell;
    violations: CountCell;
    byKind: { kind: string; issued: CountCell; violated: CountCell; violations: CountCell }[];
  };
  timeToDisposition: {
    measured: CountCell;
    standard: {
      days: number;
      targetPercent: number;
      within: CountCell;
      actualPercent: CountCell;
      meetsTarget: boolean | null;
    }[];
  };
}

/** A cell's values: the total, then each category (null when withheld). */
export const valuesOf = (cell: CountCell): (number | null)[] => [
  cell.value,
  ...(cell.breakdown ?? []).map((b) => b.value),
];

export type AnswerFigure = Map<string, (number | null)[]>;

export function answerFigures(answer: Answer) {
  const attrition: AnswerFigure = new Map();
  for (const stage of answer.attrition.stages) attrition.set(stage.code, valuesOf(stage.count));
  for (const outcome of answer.attrition.outcomes) {
    attrition.set(outcome.code, valuesOf(outcome.count));
  }
  const gbvTypes: AnswerFigure = new Map([['total', valuesOf(answer.gbvTypes.total)]]);
  for (const type of answer.gbvTypes.types) gbvTypes.set(`type:${type.code}`, valuesOf(type.count));
  for (const flag of answer.gbvTypes.contextFlags) {
    gbvTypes.set(`flag:${flag.code}`, valuesOf(flag.count));
  }
  const r = answer.referrals;
  const referrals: AnswerFigure = new Map([
    ['total', valuesOf(r.total)],
    ['overrides', valuesOf(r.consentOverrides)],
  ]);
  for (const s of r.byService) {
    referrals.set(`service:${s.service}`, valuesOf(s.count));
    for (const t of s.byStatus)
      referrals.set(`referral:${s.service}:${t.status}`, valuesOf(t.count));
  }
  for (const t of r.byStatus) referrals.set(`status:${t.status}`, valuesOf(t.count));
  const m = answer.protectionMeasures;
  const measures: AnswerFigure = new Map([
    ['issued', valuesOf(m.issued)],
    ['violated', valuesOf(m.violated)],
    ['violations', valuesOf(m.violations)],
  ]);
  for (const k of m.byKind) {
    measures.set(`kind:${k.kind}:issued`, valuesOf(k.issued));
    measures.set(`kind:${k.kind}:violated`, valuesOf(k.violated));
    measures.set(`kind:${k.kind}:violations`, valuesOf(k.violations));
  }
  answer.timeToDisposition.standard.forEach((step, i) =>
    measures.set(`within:${i}`, valuesOf(step.within)),
  );
  // The measures timed are the measures issued.
  measures.set('~measured', valuesOf(answer.timeToDisposition.measured));
  return { attrition, gbvTypes, referrals, measures };
}

/** `total = Σ parts`; a name starting with `~` is a count the answer never shows. */
export interface Relation {
  total: string;
  parts: string[];
}

/** Hidden counts, computed from the expected figure: what a reader could derive by subtraction. */
export function withHidden(figure: Figure, name: string): Figure {
  const out = new Map(figure);
  const at = (cell: string) => out.get(cell) ?? [];
  const derive = (hidden: string, from: string, minus: string[]) =>
    out.set(
      hidden,
      at(from).map((v, i) => minus.reduce((rest, m) => rest - (at(m)[i] ?? 0), v)),
    );
  if (name === 'gbvTypes') {
    for (const flag of ['intimate_partner', 'child_victim', 'early_marriage']) {
      derive(`~without:${flag}`, 'total', [`flag:${flag}`]);
    }
    derive('~forced_not_early', 'type:forced_marriage', ['flag:early_marriage']);
    derive('~child_not_early', 'flag:child_victim', ['flag:early_marriage']);
  }
  if (name === 'referrals') derive('~given', 'total', ['overrides']);
  if (name === 'measures') {
    derive('~not_violated', 'issued', ['violated']);
    for (const k of PROTECTION_MEASURE_KINDS) {
      derive(`~kind:${k}:not_violated`, `kind:${k}:issued`, [`kind:${k}:violated`]);
    }
    const steps = [...out.keys()].filter((k) => k.startsWith('within:')).length;
    for (let i = 0; i <= steps; i++) {
      const upper = i < steps ? `within:${i}` : 'issued';
      derive(`~band:${i}`, upper, i > 0 ? [`within:${i - 1}`] : []);
    }
  }
  return out;
}

export function relationsOf(name: string, steps = 0): Relation[] {
  switch (name) {
    case 'attrition':
      return [
        {
          total: 'complaint',
          parts: [
            'under_investigation',
            'closed_before_indictment',
            'awaiting_judgment',
            'acquitted_or_dismissed',
            'convicted',
          ],
        },
        { total: 'indicted', parts: ['awaiting_judgment', 'acquitted_or_dismissed', 'convicted'] },
      ];
    case 'gbvTypes':
      return [
        { total: 'total', parts: [...GBV_TYPES, 'unclassified'].map((t) => `type:${t}`) },
        ...['intimate_partner', 'child_victim', 'early_marriage'].map((f) => ({
          total: 'total',
          parts: [`flag:${f}`, `~without:${f}`],
        })),
        { total: 'type:forced_marriage', parts: ['flag:early_marriage', '~forced_not_early'] },
        { total: 'flag:child_victim', parts: ['flag:early_marriage', '~child_not_early'] },
      ];
    case 'referrals':
      return [
        { total: 'total', parts: ['overrides', '~given'] },
        { total: 'total', parts: REFERRAL_SERVICES.map((s) => `service:${s}`) },
        { total: 'total', parts: REFERRAL_STATUSES.map((s) => `status:${s}`) },
        ...REFERRAL_SERVICES.map((s) => ({
          total: `service:${s}`,
          parts: REFERRAL_STATUSES.map((t) => `referral:${s}:${t}`),
        })),
        ...REFERRAL_STATUSES.map((t) => ({
          total: `status:${t}`,
          parts: REFERRAL_SERVICES.map((s) => `referral:${s}:${t}`),
        })),
      ];
    case 'measures': {
      const bands = Array.from({ length: steps + 1 }, (_, i) => `~band:${i}`);
      return [
        ...['issued', 'violated', 'violations'].map((what) => ({
          total: what,
          parts: PROTECTION_MEASURE_KINDS.map((k) => `kind:${k}:${what}`),
        })),
        { total: 'issued', parts: ['violated', '~not_violated'] },
        ...PROTECTION_MEASURE_KINDS.map((k) => ({
          total: `kind:${k}:issued`,
          parts: [`kind:${k}:violated`, `~kind:${k}:not_violated`],
        })),
        { total: 'issued', parts: bands },
        ...Array.from({ length: steps }, (_, i) => ({
          total: `within:${i}`,
          parts: bands.slice(0, i + 1),
        })),
      ];
    }
    default:
      throw new Error(name);
  }
}
