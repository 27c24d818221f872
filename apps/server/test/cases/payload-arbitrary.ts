/**
 * Payloads for property tests, generated from the TypeBox (JSON Schema) payload schemas of the case
 * types, the way packages/domain/src/case-types/case-types.property.test.ts does it for the engine;
 * here they are then fitted to a real file in the database: its clock, and the ids it holds.
 */
import type { EventDefinition } from '@qadiya/domain';
import fc from 'fast-check';

/** The JSON Schema subset the shipped payloads use. */
export interface JsonSchema {
  type?: string;
  const?: unknown;
  enum?: readonly unknown[];
  anyOf?: readonly JsonSchema[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

/** Dates are generated around this instant, then moved to the file's clock by fitToFile. */
export const BASE = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 3_600_000;

/** An instant within ±30 days of BASE, on the hour: in the past as often as in the future. */
const instant = fc.integer({ min: -24 * 30, max: 24 * 30 }).map((h) => new Date(BASE + h * HOUR));

/**
 * Values valid against `schema`. Throws on a schema feature it does not know, so that a new
 * payload shape cannot silently escape the tests.
 */
export function arbitraryFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(arbitraryFor));
  switch (schema.type) {
    case 'object': {
      const model = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, p]) => [key, arbitraryFor(p)]),
      );
      return fc.record(model, { requiredKeys: [...(schema.required ?? [])] });
    }
    case 'string':
      switch (schema.format) {
        case 'uuid':
          return fc.uuid();
        case 'date-time':
          return instant.map((date) => date.toISOString());
        case 'date':
          return instant.map((date) => date.toISOString().slice(0, 10));
        case undefined: {
          const minLength = schema.minLength ?? 0;
          const maxLength = Math.min(schema.maxLength ?? minLength + 20, minLength + 20);
          return fc.string({ minLength, maxLength });
        }
        default:
          throw new Error(`no generator for string format ${schema.format}`);
      }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1_000_000,
        max: Math.min(schema.maximum ?? 1_000_000, 1_000_000),
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      if (!schema.items) throw new Error('no generator for an array without items');
      const item = arbitraryFor(schema.items);
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.min(schema.maxItems ?? minLength + 2, minLength + 2);
      return schema.uniqueItems
        ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) })
        : fc.array(item, { minLength, maxLength });
    }
    default:
      throw new Error(`no generator for schema ${JSON.stringify(schema)}`);
  }
}

/** Payloads that are (almost always) invalid: junk, or a valid one with a field added or lost. */
export function junkFor(event: EventDefinition): fc.Arbitrary<unknown> {
  const schema = event.payload as JsonSchema;
  const valid = arbitraryFor(schema);
  const firstRequired = schema.required?.[0];
  return fc.oneof(
    fc.anything({ maxDepth: 1 }),
    fc.object({ maxDepth: 1 }),
    valid.map((payload) => ({ ...(payload as object), unexpectedField: 'x' })),
    valid.map((payload) => {
      const copy = { ...(payload as Record<string, unknown>) };
      if (firstRequired !== undefined) Reflect.deleteProperty(copy, firstRequired);
      return copy;
    }),
  );
}

/** How a generated payload is fitted to the file it is fired on. */
export interface FileFit {
  /** The file's clock minus BASE. */
  deltaMs: number;
  /** Ids to use, by the payload field that names them (an empty list keeps the random id). */
  ids: Readonly<Record<string, readonly string[]>>;
  /** Random numbers choosing among those ids, used in turn. */
  picks: readonly number[];
  cursor: number;
}

/**
 * Moves the dates of a valid `value` of `schema` to the file's clock and, where a field names a
 * party, charge, detention, hearing, person, judge or institution, picks one that exists. A pick
 * of 0 (mod 7) keeps the random id, so ids that name nothing are tried too.
 */
export function fitToFile(schema: JsonSchema, value: unknown, fit: FileFit, key = ''): unknown {
  if (value === null || value === undefined) return value;
  if (schema.type === 'string' && (schema.format === 'date-time' || schema.format === 'date')) {
    const shifted = new Date(Date.parse(value as string) + fit.deltaMs).toISOString();
    return schema.format === 'date' ? shifted.slice(0, 10) : shifted;
  }
  if (schema.type === 'string' && schema.format === 'uuid') {
    const ids = fit.ids[key] ?? [];
    const pick = fit.picks[fit.cursor++ % fit.picks.length] ?? 1;
    if (ids.length === 0 || pick % 7 === 0) return value;
    return ids[pick % ids.length];
  }
  if (schema.type === 'array' && schema.items && Array.isArray(value)) {
    const items = schema.items;
    return value.map((item: unknown, i) =>
      fitToFile(items, item, { ...fit, picks: [(fit.picks[0] ?? 1) + i], cursor: 0 }, key),
    );
  }
  if (schema.type === 'object' && typeof value === 'object') {
    const properties = schema.properties ?? {};
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [
        name,
        Object.hasOwn(properties, name) ? fitToFile(properties[name]!, item, fit, name) : item,
      ]),
    );
  }
  return value;
}
