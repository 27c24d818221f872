/**
 * لائحة اتهام: the prosecution's indictment. On a file under investigation it lists the pending
 * charges (the draft the prosecutor signs before recording the decision); on an indicted file, the
 * indicted charges and the court they went to. The accused are named in full; victims and
 * witnesses by the masking rule.
 */
import { PUBLIC_RIGHT } from '@qadiya/domain';
import {
  baseData,
  chargeLines,
  issuedOn,
  missingData,
  partyLine,
  stateConflict,
  type BuildContext,
  type BuiltDocument,
} from './document-data';
import { LEGAL_TEMPLATES } from './legal-templates';

export async function buildIndictment(b: BuildContext): Promise<BuiltDocument> {
  const { page, timeZone } = b;
  const { file, definition } = page;
  const indictable = definition.events.indict?.from ?? [];
  const isIndicted = file.state === 'indicted';
  if (!definition.events.indict) {
    throw stateConflict('TEMPLATE_NOT_APPLICABLE', {
      ar: 'لائحة الاتهام تصدر عن النيابة في ملف التحقيق',
      en: 'An indictment is drawn up on a prosecution file',
    });
  }
  if (!isIndicted && !indictable.includes(file.state)) {
    throw stateConflict(
      'FILE_NOT_INDICTABLE',
      {
        ar: 'لا تصدر لائحة اتهام في ملف بهذه الحالة',
        en: 'An indictment needs a file under investigation or indicted',
      },
      { state: file.state },
    );
  }
  const charges = page.charges.filter(
    (c) => c.disposition === (isIndicted ? 'indicted' : 'pending'),
  );
  if (charges.length === 0) {
    throw missingData('charges', {
      ar: 'لا تهم في الملف تُسند في لائحة الاتهام',
      en: 'The file has no charge to indict',
    });
  }
  const accusedParties = page.parties.filter(
    (p) => p.role === 'accused' && charges.some((c) => c.party_id === p.id),
  );
  const accused: ReturnType<typeof partyLine>[] = [];
  for (const party of accusedParties) {
    accused.push(partyLine(page, party, true, await b.nationalIdOf(party.person_id)));
  }
  const victims = page.parties
    .filter((p) => p.role === 'victim' || p.role === 'complainant')
    .map((p) => partyLine(page, p, false));
  const witnesses = page.parties
    .filter((p) => p.role === 'witness')
    .map((p) => partyLine(page, p, false));
  const nameOf = new Map(accusedParties.map((p, i) => [p.id, accused[i]?.name ?? '']));
  const court = page.links.find((l) => l.caseType === 'court_case');
  const data = {
    ...baseData(b, LEGAL_TEMPLATES.indictment),
    court: isIndicted && court ? court.institution.nameAr : 'المحكمة المختصة',
    publicRight: PUBLIC_RIGHT.ar,
    accused,
    victims,
    witnesses,
    charges: chargeLines(page, charges, timeZone).map((line, i) => ({
      ...line,
      accused: accusedParties.length > 1 ? (nameOf.get(charges[i]?.party_id ?? '') ?? null) : null,
    })),
    facts: file.summary?.trim() ? file.summary : null,
    request:
      `لذلك تطلب النيابة العامة محاكمة ${accused.length > 1 ? 'المتهمين' : 'المتهم'} بالتهم المسندة ` +
      'وإيقاع العقوبة المنصوص عليها في القانون.',
  };
  return {
    data,
    title: `${LEGAL_TEMPLATES.indictment.titleAr} — ${charges.length === 1 ? 'تهمة واحدة' : `${charges.length} تهم`}`,
    documentDate: issuedOn(b),
    maskedParties: [...victims, ...witnesses].filter((o) => o.isMasked).length,
  };
}
