/** Every case type Qadiya ships, validated once when this module loads. */
import { assertValidDefinitions } from '../workflow/validate-definition';
import type { CaseTypeDefinition } from '../workflow/types';
import { appealCase } from './appeal-case';
import { civilClaim } from './civil-claim';
import { courtCase } from './court-case';
import { executionFile } from './execution-file';
import { policeReport } from './police-report';
import { prosecutionFile } from './prosecution-file';

export const CASE_TYPES: readonly CaseTypeDefinition[] = [
  policeReport,
  prosecutionFile,
  courtCase,
  appealCase,
  executionFile,
  civilClaim,
];

assertValidDefinitions(CASE_TYPES);

const byName = new Map(CASE_TYPES.map((d) => [d.caseType, d]));

export function caseTypeDefinition(caseType: string): CaseTypeDefinition | undefined {
  return byName.get(caseType);
}
