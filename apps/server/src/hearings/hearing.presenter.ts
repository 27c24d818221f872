/**
 * Shapes the court calendar for the API. Cause lists are posted at the court's door, so the
 * parties of a restricted or sealed file (juveniles, family protection) are shown by initials
 * only, to everyone, court staff included (DESIGN.md "Juvenile justice": anything shown outside the
 * file uses initials).
 */
import {
  accusedLabel,
  caseTypeDefinition,
  localDateString,
  type OffenceClass,
} from '@qadiya/domain';
import type { ConfidentialityLevel } from '../db/schema';
import type { CourtCalendar } from './list-court-hearings';
import type { CourtCalendarResponse } from './hearings.schemas';

const ROLE_LABELS: Record<string, { ar: string; en: string }> = {
  victim: { ar: 'مجني عليه', en: 'Victim' },
  complainant: { ar: 'مشتكٍ', en: 'Complainant' },
};

/** The first letter of a name, past the Arabic article: الخطيب → خ. */
function initialOf(name: string, article: RegExp): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const stripped = trimmed.replace(article, '');
  const letter = (stripped || trimmed).charAt(0);
  return letter ? `${letter.toLocaleUpperCase()}.` : null;
}

/** Initials of the first and family names, "أ. خ.", never the names themselves. */
export function arabicInitials(first: string, family: string | null): string {
  const article = /^ال(?=\S{2,})/u;
  return [initialOf(first, article), family ? initialOf(family, article) : null]
    .filter(Boolean)
    .join(' ');
}

/** Initials of a Latin name's first and last words, "M. K.", past "al-" / "el-". */
export function latinInitials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const article = /^(al|el)-/iu;
  const [firstWord, ...rest] = words;
  if (firstWord === undefined) return '';
  const lastWord = rest.at(-1);
  const first = initialOf(firstWord, article);
  const last = lastWord === undefined ? null : initialOf(lastWord, article);
  return [first, last].filter(Boolean).join(' ');
}

export function isMaskedOnCauseList(level: ConfidentialityLevel): boolean {
  return level !== 'normal';
}

export function presentCourtCalendar(calendar: CourtCalendar): CourtCalendarResponse {
  const classesOf = (partyId: string): OffenceClass[] =>
    calendar.charges.filter((c) => c.party_id === partyId).map((c) => c.offence_class);
  const items = calendar.hearings.map((h) => {
    const masked = isMaskedOnCauseList(h.confidentiality);
    const definition = caseTypeDefinition(h.case_type);
    return {
      id: h.id,
      room: h.room,
      startsAt: h.starts_at.toISOString(),
      endsAt: h.ends_at.toISOString(),
      localDate: localDateString(h.starts_at, calendar.timeZone),
      status: h.status,
      adjournReason: h.adjourn_reason,
      case: {
        id: h.case_id,
        number: h.serial !== null && h.year !== null ? `${h.serial}/${h.year}` : null,
        reference: h.reference,
        caseType: h.case_type,
        caseTypeLabels: definition?.labels ?? { ar: h.case_type, en: h.case_type },
        confidentiality: h.confidentiality,
        canOpen: h.can_open,
      },
      judges: calendar.judges
        .filter((j) => j.hearing_id === h.id)
        .map((j) => ({ id: j.judge_id, nameAr: j.display_name_ar, nameEn: j.display_name_en })),
      parties: calendar.parties
        .filter((p) => p.case_id === h.case_id)
        .map((p) => {
          const fullName = [
            p.first_name_ar,
            p.father_name_ar,
            p.grandfather_name_ar,
            p.family_name_ar,
          ]
            .filter(Boolean)
            .join(' ');
          return {
            role: p.role,
            roleLabels:
              p.role === 'accused'
                ? accusedLabel(classesOf(p.id))
                : (ROLE_LABELS[p.role] ?? { ar: p.role, en: p.role }),
            name: masked ? arabicInitials(p.first_name_ar, p.family_name_ar) : fullName,
            nameLatin: p.name_latin ? (masked ? latinInitials(p.name_latin) : p.name_latin) : null,
            isMasked: masked,
          };
        }),
    };
  });
  return {
    court: {
      id: calendar.court.id,
      code: calendar.court.code,
      nameAr: calendar.court.name_ar,
      nameEn: calendar.court.name_en,
      weekendDays: calendar.court.weekend_days,
    },
    from: calendar.from,
    to: calendar.to,
    timeZone: calendar.timeZone,
    scope: calendar.scope,
    rooms: [...new Set(items.map((h) => h.room))].sort((a, b) => a.localeCompare(b, 'ar')),
    items,
  };
}
