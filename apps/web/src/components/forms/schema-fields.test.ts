import { CASE_TYPES } from '@qadiya/domain';
import { describe, expect, it } from 'vitest';
import {
  emptyValues,
  enumOptions,
  fieldsOf,
  mergeValues,
  toPayload,
  type FieldSpec,
} from './schema-fields';
import { serverProblems, validateValues } from './validate';

const event = (caseType: string, name: string) => {
  const definition = CASE_TYPES.find((d) => d.caseType === caseType);
  const found = definition?.events[name];
  if (!found) throw new Error(`${caseType}.${name} not found`);
  return fieldsOf(found.payload);
};
const byName = (fields: FieldSpec[], name: string) => fields.find((f) => f.name === name);

describe('fields from payload schemas', () => {
  it('reads enums written as enum or as a union of literals', () => {
    expect(enumOptions({ enum: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(enumOptions({ anyOf: [{ const: 'x' }, { const: 'y' }] })).toEqual(['x', 'y']);
    expect(enumOptions({ type: 'string' })).toBeNull();
  });

  it('turns the schedule-hearing payload into a date-time, a number, a text and pickers', () => {
    const fields = event('court_case', 'schedule_hearing');
    expect(byName(fields, 'startsAt')).toMatchObject({ kind: 'datetime', required: true });
    expect(byName(fields, 'durationMinutes')).toMatchObject({
      kind: 'integer',
      required: false,
      minimum: 5,
      maximum: 600,
    });
    expect(byName(fields, 'room')).toMatchObject({ kind: 'text', maxLength: 60 });
    expect(byName(fields, 'judgeIds')).toMatchObject({
      kind: 'refList',
      ref: 'judge',
      minItems: 1,
      maxItems: 5,
    });
    expect(byName(fields, 'summonedPartyIds')).toMatchObject({ kind: 'refList', ref: 'party' });
  });

  it('turns the judgment payload into rows of charge, outcome, sentence, months and fine', () => {
    const judgments = byName(event('court_case', 'record_judgment'), 'judgments');
    expect(judgments).toMatchObject({ kind: 'objectList', minItems: 1 });
    expect(judgments?.itemFields?.map((f) => [f.name, f.kind])).toEqual([
      ['chargeId', 'ref'],
      ['outcome', 'enum'],
      ['sentence', 'enum'],
      ['custodialMonths', 'integer'],
      ['fineAmount', 'number'],
    ]);
  });

  it('gives every uuid of every shipped payload a reference kind (no raw id boxes)', () => {
    const unnamed: string[] = [];
    for (const definition of CASE_TYPES) {
      for (const [name, e] of Object.entries(definition.events)) {
        const visit = (fields: FieldSpec[]) => {
          for (const f of fields) {
            if ((f.kind === 'ref' || f.kind === 'refList') && (!f.ref || f.ref === 'uuid')) {
              unnamed.push(`${definition.caseType}.${name}.${f.name}`);
            }
            if (f.itemFields) visit(f.itemFields);
          }
        };
        visit(fieldsOf(e.payload));
      }
    }
    expect(unnamed).toEqual([]);
  });

  it('builds the payload: numbers parsed, blanks left out, local date-times as instants', () => {
    const fields = event('court_case', 'schedule_hearing');
    const payload = toPayload(fields, {
      ...emptyValues(fields),
      startsAt: '2030-05-01T09:30',
      durationMinutes: '45',
      room: '  3  ',
      judgeIds: ['j1'],
    });
    expect(payload).toEqual({
      startsAt: new Date('2030-05-01T09:30').toISOString(),
      durationMinutes: 45,
      room: '3',
      judgeIds: ['j1'],
    });
  });

  it('keeps only what fits when restoring a draft', () => {
    const fields = event('court_case', 'schedule_hearing');
    const values = mergeValues(fields, { room: 'A', judgeIds: ['x', 3], stray: 'y' });
    expect(values.room).toBe('A');
    expect(values.judgeIds).toEqual(['x']);
    expect(values).not.toHaveProperty('stray');
    expect(mergeValues(fields, 'garbage')).toEqual(emptyValues(fields));
  });
});

describe('validation from the schema', () => {
  const fields = event('court_case', 'schedule_hearing');

  it('names the required fields and the list minimum', () => {
    const problems = validateValues(fields, emptyValues(fields));
    expect(problems.startsAt).toEqual({ key: 'validation.required' });
    expect(problems.room).toEqual({ key: 'validation.required' });
    expect(problems.judgeIds).toEqual({ key: 'validation.required' });
    expect(problems.durationMinutes).toBeUndefined();
  });

  it('checks numbers, lengths, dates and list sizes', () => {
    const problems = validateValues(fields, {
      startsAt: '2030-02-30T10:00x',
      durationMinutes: '2.5',
      room: 'x'.repeat(61),
      judgeIds: ['1', '2', '3', '4', '5', '6'],
      summonedPartyIds: [],
    });
    expect(problems.startsAt?.key).toBe('validation.invalidDate');
    expect(problems.durationMinutes?.key).toBe('validation.notInteger');
    expect(problems.room).toEqual({ key: 'validation.tooLong', params: { max: 60 } });
    expect(problems.judgeIds).toEqual({ key: 'validation.tooMany', params: { max: 5 } });
    const small = validateValues(fields, { durationMinutes: '4' });
    expect(small.durationMinutes).toEqual({ key: 'validation.tooSmall', params: { min: 5 } });
  });

  it('checks dates and the fields of each row', () => {
    const judgment = event('court_case', 'record_judgment');
    const problems = validateValues(judgment, {
      pronouncedAt: '2030-01-01T10:00',
      judgments: [{ chargeId: 'c', outcome: '', custodialMonths: '-1', fineAmount: '' }],
      minutes: '',
    });
    expect(problems['judgments.0.outcome']?.key).toBe('validation.required');
    expect(problems['judgments.0.custodialMonths']?.key).toBe('validation.tooSmall');
    const commit = event('execution_file', 'commit_to_custody');
    expect(validateValues(commit, { correctionCentreId: 'x', startsOn: '2030-13-01' })).toEqual({
      startsOn: { key: 'validation.invalidDate' },
    });
  });

  it("maps the server's field paths back onto the form", () => {
    const judgment = event('court_case', 'record_judgment');
    const problems = serverProblems(
      {
        'payload.judgments.0.outcome': 'must be one of…',
        'payload.pronouncedAt': 'bad',
        'payload.stray': 'must not have additional properties',
      },
      judgment,
    );
    expect(problems['judgments.0.outcome']?.text).toBe('must be one of…');
    expect(problems.pronouncedAt?.text).toBe('bad');
    expect(problems['']?.text).toContain('additional');
  });
});

describe('a checkbox', () => {
  const fields = fieldsOf({
    type: 'object',
    properties: { openNewFile: { type: 'boolean' }, urgent: { type: 'boolean' } },
    required: ['openNewFile'],
  });

  it('is always answered: unchecked is false where the schema asks, left out where it may', () => {
    const values = emptyValues(fields);
    expect(validateValues(fields, values)).toEqual({});
    expect(toPayload(fields, values)).toEqual({ openNewFile: false });
    expect(toPayload(fields, { openNewFile: 'true', urgent: 'true' })).toEqual({
      openNewFile: true,
      urgent: true,
    });
  });
});
