/**
 * What every template receives besides its own part: the header, the dates, the footer and the
 * signer, and the helpers the template builders share (party names and labels, charges, the
 * coded errors for missing data and impossible states).
 */
import {
  accusedLabel,
  INSTITUTION_KIND_LABELS,
  localDateString,
  ROLE_LABELS,
  type OffenceClass,
  type Role,
} from '@qadiya/domain';
import { displayNumber } from '../cases/case.presenter';
import type { getCase } from '../cases/read-cases';
import { AppError, ruleViolation } from '../http/errors';
import { AUTHORITY_BY_KIND, JURISDICTION, LABELS, PARTY_ROLE_AR } from './document-text';
import { gregorianDate, hijriDate, timeOfDay } from './legal-dates';
import type { LegalTemplate } from './legal-templates';
import { documentName } from './masking';

export type CasePage = Awaited<ReturnType<typeof getCase>>;
export type CaseParty = CasePage['parties'][number];
export type CaseCharge = CasePage['charges'][number];

export interface BuildContext {
  page: CasePage;
  now: Date;
  timeZone: string;
  signer: { role: Role; nameAr: string };
  /** The national ID of a person (from the persons registry), for a party named in full. */
  nationalIdOf: (personId: string) => Promise<string | null>;
}

/** What a template builder hands back: the data, and the title of the stored document. */
export interface BuiltDocument {
  data: Record<string, unknown>;
  /** The title in the documents list: never a name, the list is shown to every reader. */
  title: string;
  /** The date the document bears (`YYYY-MM-DD`). */
  documentDate: string;
  maskedParties: number;
}

/** The file lacks what the template needs: 400, naming what is missing. */
export function missingData(missing: string, message: { ar: string; en: string }): AppError {
  return new AppError('DOCUMENT_DATA_MISSING', message.en, { missing, messageAr: message.ar });
}

/** The template makes no sense in the file's present state: 409 with the rule's code. */
export function stateConflict(
  code: string,
  message: { ar: string; en: string },
  details: Record<string, unknown> = {},
): AppError {
  return ruleViolation(code, message, details);
}

export function baseData(
  b: BuildContext,
  template: LegalTemplate,
  options: { subtitle?: string | null; invocation?: boolean } = {},
) {
  const { file, institution } = b.page;
  const kind = institution.kind;
  const reference = file.reference ?? '';
  return {
    title: template.titleAr,
    subtitle: options.subtitle ?? null,
    header: {
      state: JURISDICTION.stateAr,
      authority: AUTHORITY_BY_KIND[kind] ?? INSTITUTION_KIND_LABELS[kind].ar,
      institution: institution.name_ar,
      invocation: options.invocation ? JURISDICTION.judgmentInvocationAr : null,
    },
    labels: LABELS,
    file: { number: displayNumber(file) ?? '—', reference },
    issued: { gregorian: gregorianDate(b.now, b.timeZone), hijri: hijriDate(b.now, b.timeZone) },
    footer: `${reference} — ${template.titleAr} — أُعدّ في نظام قضية ${gregorianDate(b.now, b.timeZone)} ${timeOfDay(b.now, b.timeZone)}`,
    signer: { capacity: ROLE_LABELS[b.signer.role].ar, name: b.signer.nameAr },
  };
}

export function partyById(page: CasePage, partyId: string): CaseParty | undefined {
  return page.parties.find((p) => p.id === partyId);
}

function offenceClassesOf(page: CasePage, partyId: string): OffenceClass[] {
  return page.charges.filter((c) => c.party_id === partyId).map((c) => c.offence_class);
}

/** The capacity of a party: متهم / ظنين / مشتكى عليه by offence class, or the role. */
export function partyCapacity(page: CasePage, party: CaseParty): string {
  if (party.role === 'accused') return accusedLabel(offenceClassesOf(page, party.id)).ar;
  const female = party.sex === 'female';
  if (female && party.role === 'victim') return 'مجني عليها';
  if (female && party.role === 'complainant') return 'مشتكية';
  if (female && party.role === 'witness') return 'شاهدة';
  return PARTY_ROLE_AR[party.role];
}

/** A party as a line of a document: name (masked or not), capacity, and identity when named. */
export function partyLine(
  page: CasePage,
  party: CaseParty,
  isSubject: boolean,
  nationalId?: string | null,
) {
  const shown = documentName(page.file, party, isSubject);
  const id = shown.isMasked ? null : (nationalId ?? null);
  const latin = shown.isMasked ? null : shown.latin;
  const details = [id ? `${LABELS.nationalId} ${id}` : null, latin].filter(Boolean).join('، ');
  return {
    name: shown.name,
    label: partyCapacity(page, party),
    nationalId: id,
    latin,
    details: details === '' ? null : details,
    isMasked: shown.isMasked,
  };
}

/** `خلافاً لأحكام المادة 334 من قانون العقوبات رقم 16 لسنة 1960` */
export function legalBasis(charge: CaseCharge): string {
  return `خلافاً لأحكام المادة ${charge.article} من ${charge.law_ar}`;
}

/** The day the document is issued, in the deployment's time zone. */
export function issuedOn(b: BuildContext): string {
  return localDateString(b.now, b.timeZone);
}

/** The charges of one party, as lines of a document. */
export function chargeLines(page: CasePage, charges: readonly CaseCharge[], timeZone: string) {
  return charges.map((c) => ({
    title: c.title_ar,
    legalBasis: legalBasis(c),
    accused: null as string | null,
    incidentDate: c.incident_date ? `بتاريخ ${gregorianDate(c.incident_date, timeZone)}` : null,
  }));
}
