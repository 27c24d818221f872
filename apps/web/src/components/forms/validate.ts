/**
 * Client-side checks of a generated form against its schema's constraints, so that the user
 * learns of a problem before sending. The server checks again; its 400s are mapped back onto the
 * same paths by `serverProblems`. Messages are i18n keys under `common:validation`.
 */
import { asList, asRows, asText, type FieldSpec, type FormValues } from './schema-fields';

export interface Problem {
  /** Key under `common:` (e.g. `validation.required`), or null with `text` from the server. */
  key: string | null;
  params?: Record<string, number>;
  text?: string;
}

/** Problems by field path: `room`, `judgeIds`, `judgments.0.outcome`. */
export type Problems = Record<string, Problem>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

function validDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const date = new Date(`${text}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function validDateTime(text: string): boolean {
  return DATETIME_LOCAL.test(text) && !Number.isNaN(new Date(text).getTime());
}

export function validateValues(
  fields: readonly FieldSpec[],
  values: FormValues,
  prefix = '',
): Problems {
  const problems: Problems = {};
  for (const field of fields) {
    const path = prefix + field.name;
    const value = values[field.name];
    if (field.kind === 'refList' || field.kind === 'enumList' || field.kind === 'objectList') {
      const count = field.kind === 'objectList' ? asRows(value).length : asList(value).length;
      const min = field.minItems ?? 0;
      if (field.required && count === 0 && min <= 1) {
        problems[path] = { key: 'validation.required' };
      } else if ((field.required || count > 0) && count < min) {
        problems[path] = { key: 'validation.tooFew', params: { min } };
      } else if (field.maxItems !== undefined && count > field.maxItems) {
        problems[path] = { key: 'validation.tooMany', params: { max: field.maxItems } };
      }
      if (field.kind === 'objectList') {
        asRows(value).forEach((row, index) => {
          Object.assign(
            problems,
            validateValues(field.itemFields ?? [], row, `${path}.${String(index)}.`),
          );
        });
      }
      continue;
    }
    const text = asText(value).trim();
    if (text === '') {
      // A checkbox is always answered: unchecked is "no" (toPayload sends false).
      if (field.required && field.kind !== 'boolean')
        problems[path] = { key: 'validation.required' };
      continue;
    }
    const problem = problemOf(field, text);
    if (problem) problems[path] = problem;
  }
  return problems;
}

function problemOf(field: FieldSpec, text: string): Problem | null {
  switch (field.kind) {
    case 'integer':
    case 'number': {
      const number = Number(text);
      if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(number)) {
        return { key: field.kind === 'integer' ? 'validation.notInteger' : 'validation.notNumber' };
      }
      if (field.kind === 'integer' && !Number.isInteger(number)) {
        return { key: 'validation.notInteger' };
      }
      if (field.minimum !== undefined && number < field.minimum) {
        return { key: 'validation.tooSmall', params: { min: field.minimum } };
      }
      if (field.maximum !== undefined && number > field.maximum) {
        return { key: 'validation.tooLarge', params: { max: field.maximum } };
      }
      return null;
    }
    case 'date':
      return validDate(text) ? null : { key: 'validation.invalidDate' };
    case 'datetime':
      return validDateTime(text) ? null : { key: 'validation.invalidDate' };
    case 'enum':
      return field.options?.includes(text) ? null : { key: 'validation.required' };
    case 'text':
    case 'textarea': {
      const length = Array.from(text).length;
      if (field.minLength !== undefined && length < field.minLength) {
        return { key: 'validation.tooShort', params: { min: field.minLength } };
      }
      if (field.maxLength !== undefined && length > field.maxLength) {
        return { key: 'validation.tooLong', params: { max: field.maxLength } };
      }
      return null;
    }
    default:
      return null;
  }
}

/**
 * The server's 400 `details.issues[].field` (`payload.judgments.0.outcome`) as form paths. A
 * problem with no field of the form (`(root)`, an unknown field) is returned under `''`.
 */
export function serverProblems(
  fieldProblems: Record<string, string>,
  fields: readonly FieldSpec[],
): Problems {
  const known = new Set<string>();
  const collect = (list: readonly FieldSpec[], prefix: string) => {
    for (const f of list) {
      known.add(prefix + f.name);
      if (f.itemFields) collect(f.itemFields, `${prefix}${f.name}.*.`);
    }
  };
  collect(fields, '');
  const problems: Problems = {};
  for (const [field, text] of Object.entries(fieldProblems)) {
    const path = field.replace(/^payload\.?/, '');
    const pattern = path.replace(/\.\d+(?=\.)/g, '.*');
    const target = known.has(pattern)
      ? path
      : known.has(path.split('.')[0] ?? '')
        ? (path.split('.')[0] ?? '')
        : '';
    const existing = problems[target];
    problems[target] = { key: null, text: existing?.text ? `${existing.text}; ${text}` : text };
  }
  return problems;
}
