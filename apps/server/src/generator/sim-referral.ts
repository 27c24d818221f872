/**
 * A referral's outbox message and its delivery: the generator's counterpart of the `refer` effect
 * (cases/case-effects.ts) and of the `case.refer` outbox handler (cases/intake/receive-referral.ts).
 * The message is written delivered; the receiving institution's file opens in its inbox a moment
 * later, in the same matter, linked to the sender's, with the parties and charges that travel.
 */
import type { Effect } from '@qadiya/domain';
import type { MatterRun } from './matter-run';
import { ts } from './rows';
import type { SimFile } from './sim-model';
import { addDeadline, GeneratorBug, type ActionInput } from './sim-team';

export function deliverReferral(
  run: MatterRun,
  input: ActionInput,
  effect: Extract<Effect, { kind: 'refer' }>,
): SimFile {
  const { file: from, payload, now, eventId } = input;
  const target = run.ctx.org.byId.get(String(payload[effect.institutionField]));
  const definition = run.definition(effect.toCaseType);
  if (
    !target?.isActive ||
    !definition.institutionKinds.includes(target.kind) ||
    target.id === from.institution.id
  ) {
    throw new GeneratorBug(
      `referral of ${from.definition.caseType} to an institution that cannot receive it`,
    );
  }
  const messageId = run.ctx.ids.next('outbox');
  // The worker polls every few seconds: the receiving file opens a moment after the event.
  // (never after the end of the history: a message sent in its last seconds is delivered at once).
  const deliveredAt = Math.min(now + run.rng.int(2, 40) * 1000, run.ctx.asOf - 1);
  const chargeIds = Array.isArray(payload.chargeIds) ? (payload.chargeIds as string[]) : null;
  const message = {
    fromCaseId: from.id,
    fromEventId: eventId,
    toCaseType: effect.toCaseType,
    toInstitutionId: target.id,
    link: effect.link,
    chargeIds,
  };
  if (run.ctx.mode === 'execute') {
    run.ctx.emit('outbox', [
      messageId,
      'case.refer',
      JSON.stringify(message),
      ts(now),
      ts(now),
      '0',
      ts(deliveredAt),
    ]);
  }
  const unitKind = from.isJuvenile
    ? 'juvenile'
    : from.isFamilyProtection
      ? 'family_protection'
      : 'general';
  const file = run.newFile(
    definition,
    target,
    target.kind === 'prosecution_office' ? (target.units.get(unitKind) ?? null) : null,
    deliveredAt,
    {
      intakeStatus: 'pending',
      confidentiality: from.confidentiality,
      summary: from.summary,
      incidentDate: from.incidentDate,
      referredFromId: from.id,
      createdByMessage: messageId,
      isJuvenile: from.isJuvenile,
      isFamilyProtection: from.isFamilyProtection,
      familyProtectionReasons: [...from.familyProtectionReasons],
      linksCybercrime: from.linksCybercrime,
      gbvType: from.gbvType,
      gbv: { ...from.gbv },
    },
  );
  run.event(
    file,
    'received',
    { fromCaseId: from.id, fromReference: from.reference, link: effect.link },
    deliveredAt,
    null,
    null,
  );
  if (run.ctx.mode === 'execute') {
    run.ctx.emit('case_links', [from.id, file.id, effect.link, ts(deliveredAt)]);
  }
  const partyIds = new Map<string, string>();
  for (const party of from.parties) {
    const id = run.ctx.ids.next('party');
    partyIds.set(party.id, id);
    file.parties.push({ ...party, id, addedAt: deliveredAt });
  }
  const travelling = {
    referral: { from: ['indicted'], as: 'indicted' },
    appeal: { from: ['convicted', 'acquitted', 'dismissed'], as: 'indicted' },
    execution: { from: ['convicted'], as: 'same' },
    transfer: { from: ['pending'], as: 'pending' },
  }[effect.link];
  for (const charge of from.charges) {
    if (!travelling.from.includes(charge.disposition)) continue;
    if (chargeIds && !chargeIds.includes(charge.id)) continue;
    const same = travelling.as === 'same';
    file.charges.push({
      ...charge,
      id: run.ctx.ids.next('charge'),
      partyId: partyIds.get(charge.partyId) ?? '',
      sourceChargeId: charge.id,
      disposition: same ? charge.disposition : (travelling.as as 'indicted' | 'pending'),
      custodialMonths: same ? charge.custodialMonths : null,
      fineAmount: same ? charge.fineAmount : null,
      disposedAt: null,
      createdAt: deliveredAt,
    });
  }
  addDeadline(run.services, file, {
    name: 'accept_referral',
    titleAr: 'استلام ملف محال',
    titleEn: 'Accept or return a referred file',
    kind: 'task',
    priority: 'high',
    dueAt: target.calendar.deadline(deliveredAt, 2),
    assigneeUserId: null,
    assigneeRole: definition.acceptingRoles[0] ?? null,
    createdByEvent: null,
    subjectId: null,
    createdAt: deliveredAt,
  });
  return file;
}
