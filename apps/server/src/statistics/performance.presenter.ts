/** Shapes the performance measures for the API (performance.schemas.ts). */
import type { PerformanceData } from './get-performance-measures';
import type { PerformanceResponse } from './performance.schemas';

export function presentPerformance(data: PerformanceData): PerformanceResponse {
  return {
    period: { from: data.period.from, to: data.period.to },
    timeZone: data.timeZone,
    asOf: data.scope.asOf.toISOString(),
    institutionId: data.input.institutionId ?? null,
    institutions: data.institutions.map((i) => ({
      id: i.id,
      code: i.code,
      nameAr: i.name_ar,
      nameEn: i.name_en,
    })),
    filters: {
      unitId: data.scope.unitId,
      caseType: data.scope.caseType,
      offenceClass: data.scope.offenceClass,
    },
    dimensions: [...data.scope.dimensions],
    standards: {
      felony: [...data.standards.felony],
      misdemeanour: [...data.standards.misdemeanour],
    },
    namesShown: data.namesShown,
    measures: data.measures,
  };
}
