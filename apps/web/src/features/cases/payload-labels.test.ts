import { CASE_TYPES } from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import { fieldsOf, walkFields } from '../../components/forms/schema-fields';
import { PAYLOAD_LABELS_AR, PAYLOAD_LABELS_EN } from './payload-labels';

type Catalogue = typeof PAYLOAD_LABELS_AR;

function missing(catalogue: Catalogue): string[] {
  const fields = catalogue.fields as Record<string, string | undefined>;
  const values = catalogue.values as Record<string, Record<string, string | undefined> | undefined>;
  const gaps: string[] = [];
  for (const definition of CASE_TYPES) {
    for (const [eventName, event] of Object.entries(definition.events)) {
      walkFields(fieldsOf(event.payload), (field) => {
        const where = `${definition.caseType}.${eventName}.${field.name}`;
        if (!fields[field.name]?.trim()) gaps.push(`${where}: field label`);
        for (const option of field.options ?? []) {
          if (!values[field.name]?.[option]?.trim()) gaps.push(`${where}: value ${option}`);
        }
      });
    }
  }
  return gaps;
}

describe('payload labels', () => {
  it('label every payload field and enum value of every event in Arabic', () => {
    expect(missing(PAYLOAD_LABELS_AR)).toEqual([]);
  });
  it('label every payload field and enum value of every event in English', () => {
    expect(missing(PAYLOAD_LABELS_EN)).toEqual([]);
  });
  it('find the fields at all (the walk is not vacuous)', () => {
    const names = new Set<string>();
    for (const definition of CASE_TYPES) {
      for (const event of Object.values(definition.events)) {
        walkFields(fieldsOf(event.payload), (f) => names.add(f.name));
      }
    }
    expect(names).toContain('chargeId');
    expect(names).toContain('judgeIds');
    expect(names.size).toBeGreaterThan(30);
  });
});
