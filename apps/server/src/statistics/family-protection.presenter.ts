/**
 * Shapes the family protection dashboard for the API: every count as a cell with its value (null
 * when suppressed), per category when split, and percentages from the cells shown, rounded to two
 * decimals. A percentage whose numerator or denominator is withheld is withheld too.
 */
import {
  GBV_TYPE_LABELS,
  GBV_TYPES,
  PROTECTION_MEASURE_KIND_LABELS,
  PROTECTION_MEASURE_KINDS,
  REFERRAL_SERVICE_LABELS,
  REFERRAL_SERVICES,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
} from '@qadiya/domain';
import { DIMENSION_LABELS } from './dimensions';
import {
  ATTRITION_OUTCOMES,
  ATTRITION_STAGES,
  GBV_FLAG_LABELS,
  GBV_FLAGS,
  OUTCOME_LABELS,
  OUTCOME_STAGE,
  STAGE_LABELS,
  UNCLASSIFIED,
  UNCLASSIFIED_LABELS,
} from './family-protection-definitions';
import {
  flagCell,
  kindCell,
  referralCell,
  serviceCell,
  statusCell,
  typeCell,
  withinCell,
} from './family-protection-tables';
import type { FamilyProtectionData } from './get-family-protection-statistics';
import type { Count, FamilyProtectionResponse, Percent } from './family-protection.schemas';
import type { CellTable, Suppression } from './small-cells';

interface Protected {
  table: CellTable;
  suppression: Suppression;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Reads the cells of one protected table, in the answer's shape. */
class Reader {
  constructor(
    private readonly figure: Protected,
    private readonly categories: readonly string[],
  ) {}

  private value(cell: string, column: number): number | null {
    const isSuppressed = this.figure.suppression.get(cell)?.[column] ?? true;
    return isSuppressed ? null : (this.figure.table.values.get(cell)?.[column] ?? 0);
  }

  count(cell: string): Count {
    const value = this.value(cell, 0);
    return {
      value,
      suppressed: value === null,
      ...(this.categories.length > 0
        ? {
            breakdown: this.categories.map((category, i) => {
              const v = this.value(cell, i + 1);
              return { category, value: v, suppressed: v === null };
            }),
          }
        : {}),
    };
  }

  percent(numerator: string, denominator: string): Percent {
    const at = (column: number) => {
      const n = this.value(numerator, column);
      const d = this.value(denominator, column);
      if (n === null || d === null) return { value: null, suppressed: true };
      return { value: d > 0 ? round2((n / d) * 100) : null, suppressed: false };
    };
    return {
      ...at(0),
      ...(this.categories.length > 0
        ? { breakdown: this.categories.map((category, i) => ({ category, ...at(i + 1) })) }
        : {}),
    };
  }
}

function attrition(read: Reader): FamilyProtectionResponse['attrition'] {
  return {
    stages: ATTRITION_STAGES.map((stage, index) => {
      const previous = ATTRITION_STAGES[index - 1];
      return {
        code: stage,
        labels: STAGE_LABELS[stage],
        count: read.count(stage),
        percentOfComplaints: read.percent(stage, 'complaint'),
        percentOfPreviousStage: previous ? read.percent(stage, previous) : null,
      };
    }),
    outcomes: ATTRITION_OUTCOMES.map((outcome) => ({
      code: outcome,
      labels: OUTCOME_LABELS[outcome],
      stage: OUTCOME_STAGE[outcome],
      count: read.count(outcome),
    })),
  };
}

function gbvTypes(read: Reader): FamilyProtectionResponse['gbvTypes'] {
  return {
    total: read.count('total'),
    types: [
      ...GBV_TYPES.map((type) => ({
        code: type,
        labels: GBV_TYPE_LABELS[type],
        count: read.count(typeCell(type)),
      })),
      {
        code: UNCLASSIFIED,
        labels: UNCLASSIFIED_LABELS,
        count: read.count(typeCell(UNCLASSIFIED)),
      },
    ],
    contextFlags: GBV_FLAGS.map((flag) => ({
      code: flag,
      labels: GBV_FLAG_LABELS[flag],
      count: read.count(flagCell(flag)),
    })),
  };
}

function referrals(read: Reader): FamilyProtectionResponse['referrals'] {
  return {
    total: read.count('total'),
    consentOverrides: read.count('overrides'),
    byService: REFERRAL_SERVICES.map((service) => ({
      service,
      labels: REFERRAL_SERVICE_LABELS[service],
      count: read.count(serviceCell(service)),
      byStatus: REFERRAL_STATUSES.map((status) => ({
        status,
        count: read.count(referralCell(service, status)),
      })),
    })),
    byStatus: REFERRAL_STATUSES.map((status) => ({
      status,
      labels: REFERRAL_STATUS_LABELS[status],
      count: read.count(statusCell(status)),
    })),
  };
}

function measures(read: Reader): FamilyProtectionResponse['protectionMeasures'] {
  return {
    issued: read.count('issued'),
    violated: read.count('violated'),
    violations: read.count('violations'),
    byKind: PROTECTION_MEASURE_KINDS.map((kind) => ({
      kind,
      labels: PROTECTION_MEASURE_KIND_LABELS[kind],
      issued: read.count(kindCell(kind, 'issued')),
      violated: read.count(kindCell(kind, 'violated')),
      violations: read.count(kindCell(kind, 'violations')),
    })),
  };
}

function timeToDisposition(
  read: Reader,
  standard: FamilyProtectionData['standard'],
): FamilyProtectionResponse['timeToDisposition'] {
  return {
    measured: read.count('issued'),
    standard: standard.map((step, index) => {
      const actualPercent = read.percent(withinCell(index), 'issued');
      return {
        days: step.days,
        targetPercent: step.targetPercent,
        within: read.count(withinCell(index)),
        actualPercent,
        meetsTarget:
          actualPercent.value === null ? null : actualPercent.value >= step.targetPercent,
      };
    }),
  };
}

export function presentFamilyProtection(data: FamilyProtectionData): FamilyProtectionResponse {
  const codes = data.categories.map((c) => c.code);
  const read = (figure: Protected) => new Reader(figure, codes);
  return {
    period: { from: data.period.from, to: data.period.to },
    timeZone: data.timeZone,
    institutionId: data.institutionId,
    institutions: data.institutions.map((i) => ({
      id: i.id,
      code: i.code,
      nameAr: i.name_ar,
      nameEn: i.name_en,
    })),
    splitBy: data.dimension,
    dimension: data.dimension
      ? { code: data.dimension, labels: DIMENSION_LABELS[data.dimension] }
      : null,
    categories: data.categories.map((c) => ({ code: c.code, labels: c.labels })),
    suppression: data.suppression,
    attrition: attrition(read(data.attrition)),
    gbvTypes: gbvTypes(read(data.gbvTypes)),
    referrals: referrals(read(data.referrals)),
    protectionMeasures: measures(read(data.measures)),
    timeToDisposition: timeToDisposition(read(data.measures), data.standard),
  };
}
