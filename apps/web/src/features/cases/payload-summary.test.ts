import { describe, expect, it } from 'vitest';
import { fieldsOf } from '../../components/forms/schema-fields';
import { clearDraft, draftKey, loadDraft, saveDraft } from './drafts';
import { summarisePayload, type SummaryText } from './payload-summary';

const text: SummaryText = {
  label: (name) => `<${name}>`,
  option: (name, value) => `${name}=${value}`,
  reference: (kind, id) => (id === '11111111-1111-4111-8111-111111111111' ? `${kind}:Ali` : null),
  date: (v) => `D(${v})`,
  dateTime: (v) => `DT(${v})`,
  number: (v) => `#${String(v)}`,
};

describe('payload summary', () => {
  it('labels fields, names references, formats dates and enum values, drops unknown ids', () => {
    const fields = fieldsOf({
      type: 'object',
      properties: {
        partyId: { type: 'string', format: 'uuid', 'x-ref': 'accused' },
        arrestedAt: { type: 'string', format: 'date-time' },
        role: { enum: ['accused', 'victim'] },
        offenceId: { type: 'string', format: 'uuid', 'x-ref': 'offence' },
        duration: { type: 'integer' },
      },
    });
    const lines = summarisePayload(
      {
        partyId: '11111111-1111-4111-8111-111111111111',
        arrestedAt: '2030-01-01T10:00:00Z',
        role: 'victim',
        offenceId: '22222222-2222-4222-8222-222222222222',
        duration: 24,
      },
      fields,
      text,
    );
    expect(lines).toEqual([
      { label: '<partyId>', value: 'accused:Ali' },
      { label: '<arrestedAt>', value: 'DT(2030-01-01T10:00:00Z)' },
      { label: '<role>', value: 'role=victim' },
      { label: '<duration>', value: '#24' },
    ]);
  });

  it('summarises rows of a list without a schema', () => {
    const lines = summarisePayload({ judgments: [{ outcome: 'acquitted' }] }, null, text);
    expect(lines).toEqual([{ label: '<judgments>', value: '<outcome>: acquitted' }]);
  });
});

describe('drafts', () => {
  it('keep, restore and clear a draft per file and event', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    } as unknown as Storage;
    const key = draftKey('case-1', 'arrest');
    expect(loadDraft(storage, key)).toBeNull();
    saveDraft(storage, key, { place: 'x' });
    expect(loadDraft(storage, key)).toEqual({ place: 'x' });
    expect(loadDraft(storage, draftKey('case-1', 'release'))).toBeNull();
    clearDraft(storage, key);
    expect(loadDraft(storage, key)).toBeNull();
    map.set(key, '{broken');
    expect(loadDraft(storage, key)).toBeNull();
    expect(loadDraft(undefined, key)).toBeNull();
  });
});
