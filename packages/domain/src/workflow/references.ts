/**
 * What a uuid in an event payload refers to, as the `x-ref` keyword of its JSON Schema. The web
 * app reads it to show a picker (a party of the file by name, a judge of the court, a court from
 * the directory) instead of a text box for an id. Validation ignores it: the server checks the
 * reference itself (guards and actions), so a wrong id is refused whatever the form showed.
 */
import { Type, type TString } from 'typebox';

export const REFERENCE_KINDS = [
  /** Anything on the file, from the case page. */
  'party',
  'accused',
  /** A victim or complainant of the file. */
  'victim',
  'detention',
  'openDetention',
  'hearing',
  'scheduledHearing',
  'charge',
  'pendingCharge',
  'indictedCharge',
  /** A protection measure of the file still in force (`protectionMeasures` of the case page). */
  'protectionMeasure',
  /** Looked up on the server. */
  'judge',
  'user',
  /** A child protection counsellor, or a mediator (mediator, counsellor), of any institution. */
  'counsellor',
  'mediator',
  'person',
  'offence',
  'institution:court',
  'institution:prosecution_office',
  'institution:correction_centre',
  'institution:social_services',
] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

/** The JSON Schema keyword that carries the reference kind. */
export const REFERENCE_KEYWORD = 'x-ref';

/** A uuid naming a `kind` of thing: `{ type: 'string', format: 'uuid', 'x-ref': kind }`. */
export function Ref(kind: ReferenceKind, options: { description?: string } = {}): TString {
  return Type.String({ ...options, format: 'uuid', [REFERENCE_KEYWORD]: kind });
}
