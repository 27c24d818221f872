/**
 * حكم: the court's judgment, per accused and per charge, from the recorded judgment event (its
 * outcomes and sentences) and the panel of the hearing where it was pronounced. The accused are
 * named in full (the judgment is executed against them); other juvenile parties and protected
 * victims by initials, because judgments are copied to the parties and for execution.
 */
import { accusedLabel, localDateString, PUBLIC_RIGHT } from '@qadiya/domain';
import { listEvents } from '../cases/cases.repository';
import type { UseCaseContext } from '../use-case-context';
import {
  baseData,
  legalBasis,
  missingData,
  partyLine,
  type BuildContext,
  type BuiltDocument,
} from './document-data';
import { JURISDICTION, OUTCOME_AR } from './document-text';
import { gregorianDate, hijriDate } from './legal-dates';
import { LEGAL_TEMPLATES } from './legal-templates';

interface ChargeJudgment {
  chargeId: string;
  outcome: keyof typeof OUTCOME_AR;
  sentence?: string;
  custodialMonths?: number;
  fineAmount?: number;
}

function months(n: number): string {
  if (n === 1) return 'شهر واحد';
  if (n === 2) return 'شهرين';
  return n <= 10 ? `${n} أشهر` : `${n} شهراً`;
}

function sentenceOf(j: ChargeJudgment): string | null {
  if (j.outcome !== 'convicted') return null;
  const parts: string[] = [];
  if (j.sentence === 'death') parts.push('الإعدام');
  else if (j.sentence === 'life_imprisonment') parts.push('الأشغال الشاقة المؤبدة');
  else if (j.custodialMonths) parts.push(`الحبس مدة ${months(j.custodialMonths)}`);
  if (j.fineAmount !== undefined && j.fineAmount > 0) {
    parts.push(`غرامة مقدارها ${j.fineAmount.toLocaleString('en-US')} ${JURISDICTION.currencyAr}`);
  }
  if (j.sentence === 'non_custodial_measure') parts.push('تدبير غير سالب للحرية');
  return parts.length > 0 ? `والحكم عليه ب${parts.join(' و')}` : null;
}

export async function buildJudgment(
  b: BuildContext,
  ctx: Pick<UseCaseContext, 'db'>,
): Promise<BuiltDocument> {
  const { page, timeZone } = b;
  const event = (await listEvents(ctx.db, page.file.id))
    .filter((e) => e.event_type === 'record_judgment')
    .at(-1);
  if (!event) {
    throw missingData('judgment', {
      ar: 'لم يُسجَّل حكم في هذا الملف',
      en: 'No judgment has been recorded on this file',
    });
  }
  const pronouncedAt = new Date(event.payload.pronouncedAt as string);
  const judgments = event.payload.judgments as ChargeJudgment[];
  const heldAt = page.hearings
    .filter((h) => h.status === 'held' && h.starts_at.getTime() <= pronouncedAt.getTime())
    .at(-1);
  const panel = heldAt
    ? page.judges.filter((j) => j.hearing_id === heldAt.id).map((j) => j.display_name_ar)
    : page.team.filter((m) => m.role === 'judge').map((m) => m.display_name_ar);
  const accusedIds = [
    ...new Set(
      judgments.flatMap((j) => {
        const charge = page.charges.find((c) => c.id === j.chargeId);
        return charge ? [charge.party_id] : [];
      }),
    ),
  ];
  const accused = [];
  for (const partyId of accusedIds) {
    const party = page.parties.find((p) => p.id === partyId);
    if (!party) continue;
    const line = partyLine(page, party, true, await b.nationalIdOf(party.person_id));
    const rulings = judgments.flatMap((j) => {
      const charge = page.charges.find((c) => c.id === j.chargeId && c.party_id === partyId);
      if (!charge) return [];
      return [
        {
          charge: `${charge.title_ar} ${legalBasis(charge)}`,
          outcome: OUTCOME_AR[j.outcome],
          sentence: sentenceOf(j),
        },
      ];
    });
    const classes = page.charges.filter((c) => c.party_id === partyId).map((c) => c.offence_class);
    accused.push({ ...line, label: accusedLabel(classes).ar, rulings });
  }
  const victims = page.parties
    .filter((p) => p.role === 'victim' || p.role === 'complainant')
    .map((p) => partyLine(page, p, false));
  const minutes = typeof event.payload.minutes === 'string' ? event.payload.minutes : null;
  const data = {
    ...baseData(b, LEGAL_TEMPLATES.judgment, { invocation: true }),
    court: page.institution.name_ar,
    publicRight: PUBLIC_RIGHT.ar,
    panel,
    pronounced: `${gregorianDate(pronouncedAt, timeZone)} الموافق ${hijriDate(pronouncedAt, timeZone)}`,
    accused,
    victims,
    minutes: minutes?.trim() ? minutes : null,
    closing: JURISDICTION.judgmentClosingAr,
  };
  return {
    data,
    title: `${LEGAL_TEMPLATES.judgment.titleAr} — ${localDateString(pronouncedAt, timeZone)}`,
    documentDate: localDateString(pronouncedAt, timeZone),
    maskedParties: victims.filter((v) => v.isMasked).length,
  };
}
