/**
 * A readable line for each field of a recorded event's payload: its label and its value, with
 * references named (a party by name, a charge by offence) and dates formatted. Pure.
 */
import type { FieldSpec } from '../../components/forms/schema-fields';

export interface SummaryLine {
  label: string;
  value: string;
}

export interface SummaryText {
  label: (name: string) => string;
  option: (name: string, value: string) => string;
  /** The name of the thing a reference points at, or null when unknown here. */
  reference: (kind: string | undefined, id: string) => string | null;
  date: (value: string) => string;
  dateTime: (value: string) => string;
  number: (value: number) => string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function valueText(value: unknown, field: FieldSpec | undefined, name: string, text: SummaryText) {
  if (typeof value === 'number') return text.number(value);
  if (typeof value === 'boolean') return value ? '✓' : '✗';
  if (typeof value !== 'string') return null;
  if (field?.options || name === 'link') return text.option(name, value);
  if (field?.kind === 'ref' || field?.kind === 'refList' || UUID.test(value)) {
    return text.reference(field?.ref, value);
  }
  if (field?.kind === 'date' || DATE.test(value)) return text.date(value);
  if (field?.kind === 'datetime' || DATE_TIME.test(value)) return text.dateTime(value);
  return value;
}

export function summarisePayload(
  payload: Record<string, unknown>,
  fields: readonly FieldSpec[] | null,
  text: SummaryText,
): SummaryLine[] {
  const lines: SummaryLine[] = [];
  for (const [name, value] of Object.entries(payload)) {
    const field = fields?.find((f) => f.name === name);
    if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'object' && v !== null)) {
        const rows = (value as Record<string, unknown>[]).map((row) =>
          summarisePayload(row, field?.itemFields ?? null, text)
            .map((l) => `${l.label}: ${l.value}`)
            .join('، '),
        );
        if (rows.length > 0) lines.push({ label: text.label(name), value: rows.join(' | ') });
        continue;
      }
      const items = value
        .map((v) => valueText(v, field, name, text))
        .filter((v): v is string => v !== null && v !== '');
      if (items.length > 0) lines.push({ label: text.label(name), value: items.join('، ') });
      continue;
    }
    const shown = valueText(value, field, name, text);
    if (shown !== null && shown !== '') lines.push({ label: text.label(name), value: shown });
  }
  return lines;
}
