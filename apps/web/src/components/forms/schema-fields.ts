/**
 * From an event's payload JSON Schema (as TypeBox writes it) to the fields of a form, and from
 * what the user typed back to a payload. Pure: no React, unit-tested. Every value is kept as the
 * text the user typed (or chose) until it is converted, so nothing typed is lost to a failed parse.
 */
import { fromLocalInputValue, toLocalInputValue } from '../../format/format';

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  enum?: readonly unknown[];
  const?: unknown;
  anyOf?: readonly JsonSchema[];
  oneOf?: readonly JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  description?: string;
  'x-ref'?: string;
}

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'integer'
  | 'number'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'enum'
  | 'ref'
  | 'refList'
  | 'enumList'
  | 'objectList';

export interface FieldSpec {
  /** The property name; with the parents' names and indexes it is the field's path. */
  name: string;
  kind: FieldKind;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  /** Allowed values of `enum` and `enumList`. */
  options?: string[];
  /** What a `ref` or `refList` names (the schema's `x-ref`), e.g. `party`, `institution:court`. */
  ref?: string;
  /** The fields of each item of an `objectList`. */
  itemFields?: FieldSpec[];
  description?: string;
}

/** What the form holds: text per field; arrays for lists; objects for the rows of a list. */
export type FieldValue = string | string[] | FormValues[];
export interface FormValues {
  [name: string]: FieldValue;
}

/** Longer texts get a multi-line box. */
const TEXTAREA_FROM = 300;

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

/** `Type.Enum` gives `enum: [...]`; a union of literals gives `anyOf: [{ const }]`. */
export function enumOptions(schema: JsonSchema): string[] | null {
  if (schema.enum) return schema.enum.map(String);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants && variants.length > 0 && variants.every((v) => v.const !== undefined)) {
    return variants.map((v) => String(v.const));
  }
  return null;
}

function fieldOf(name: string, schema: JsonSchema, required: boolean): FieldSpec {
  const base = {
    name,
    required,
    ...(schema.description ? { description: schema.description } : {}),
  };
  const options = enumOptions(schema);
  if (options) return { ...base, kind: 'enum', options };
  const type = typeOf(schema);
  switch (type) {
    case 'integer':
    case 'number': {
      const minimum =
        schema.minimum ??
        (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum : undefined);
      const maximum = schema.maximum ?? schema.exclusiveMaximum;
      return {
        ...base,
        kind: type,
        ...(minimum !== undefined ? { minimum } : {}),
        ...(maximum !== undefined ? { maximum } : {}),
      };
    }
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array': {
      const items = schema.items ?? {};
      const limits = {
        ...(schema.minItems !== undefined ? { minItems: schema.minItems } : {}),
        ...(schema.maxItems !== undefined ? { maxItems: schema.maxItems } : {}),
      };
      if (typeOf(items) === 'object') {
        return { ...base, ...limits, kind: 'objectList', itemFields: fieldsOf(items) };
      }
      const itemOptions = enumOptions(items);
      if (itemOptions) return { ...base, ...limits, kind: 'enumList', options: itemOptions };
      return { ...base, ...limits, kind: 'refList', ref: items['x-ref'] ?? 'uuid' };
    }
    default: {
      if (schema['x-ref'] || schema.format === 'uuid') {
        return { ...base, kind: 'ref', ref: schema['x-ref'] ?? 'uuid' };
      }
      if (schema.format === 'date') return { ...base, kind: 'date' };
      if (schema.format === 'date-time') return { ...base, kind: 'datetime' };
      const max = schema.maxLength;
      return {
        ...base,
        kind: max === undefined || max > TEXTAREA_FROM ? 'textarea' : 'text',
        ...(schema.minLength !== undefined ? { minLength: schema.minLength } : {}),
        ...(max !== undefined ? { maxLength: max } : {}),
      };
    }
  }
}

/** The fields of an object schema, in the schema's order. */
export function fieldsOf(schema: JsonSchema): FieldSpec[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, property]) =>
    fieldOf(name, property, required.has(name)),
  );
}

/** Every field name in a schema, nested ones included, with their enum values: for labels. */
export function walkFields(fields: readonly FieldSpec[], visit: (field: FieldSpec) => void): void {
  for (const field of fields) {
    visit(field);
    if (field.itemFields) walkFields(field.itemFields, visit);
  }
}

export function emptyValue(field: FieldSpec): FieldValue {
  if (field.kind === 'refList' || field.kind === 'enumList') return [];
  if (field.kind === 'objectList') {
    return Array.from({ length: Math.max(field.minItems ?? 0, 0) }, () =>
      emptyValues(field.itemFields ?? []),
    );
  }
  return '';
}

export function emptyValues(fields: readonly FieldSpec[]): FormValues {
  return Object.fromEntries(fields.map((f) => [f.name, emptyValue(f)]));
}

/** Keeps only what fits the fields: a stored draft from an older form must not break this one. */
export function mergeValues(fields: readonly FieldSpec[], stored: unknown): FormValues {
  const values = emptyValues(fields);
  if (!stored || typeof stored !== 'object') return values;
  const source = stored as Record<string, unknown>;
  for (const field of fields) {
    const value = source[field.name];
    if (field.kind === 'objectList') {
      if (Array.isArray(value)) {
        values[field.name] = value.map((row) => mergeValues(field.itemFields ?? [], row));
      }
    } else if (field.kind === 'refList' || field.kind === 'enumList') {
      if (Array.isArray(value)) values[field.name] = value.filter((v) => typeof v === 'string');
    } else if (typeof value === 'string') {
      values[field.name] = value;
    }
  }
  return values;
}

export const asText = (value: FieldValue | undefined): string =>
  typeof value === 'string' ? value : '';
export const asList = (value: FieldValue | undefined): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
export const asRows = (value: FieldValue | undefined): FormValues[] =>
  Array.isArray(value) ? value.filter((v): v is FormValues => typeof v === 'object') : [];

/**
 * The payload to send. Blank optional fields are left out; numbers are parsed; date-times typed
 * in local time become ISO instants; a required checkbox left unchecked is false. Call after `validateValues` found nothing.
 */
export function toPayload(
  fields: readonly FieldSpec[],
  values: FormValues,
): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const field of fields) {
    const value = values[field.name];
    switch (field.kind) {
      case 'refList':
      case 'enumList': {
        const list = asList(value);
        if (list.length > 0 || field.required) payload[field.name] = list;
        break;
      }
      case 'objectList': {
        const rows = asRows(value);
        if (rows.length > 0 || field.required) {
          payload[field.name] = rows.map((row) => toPayload(field.itemFields ?? [], row));
        }
        break;
      }
      case 'boolean': {
        // An unchecked box is "no": sent as false when the schema asks for an answer.
        const checked = asText(value) === 'true';
        if (checked || field.required) payload[field.name] = checked;
        break;
      }
      default: {
        const text = asText(value).trim();
        if (text === '') break;
        if (field.kind === 'integer' || field.kind === 'number') payload[field.name] = Number(text);
        else if (field.kind === 'datetime') payload[field.name] = fromLocalInputValue(text) ?? text;
        else if (field.kind === 'textarea' || field.kind === 'text') payload[field.name] = text;
        else payload[field.name] = text;
      }
    }
  }
  return payload;
}

/** The other way, for showing a stored payload in a form (e.g. a date-time in local time). */
export function datetimeInputValue(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : toLocalInputValue(date);
}
