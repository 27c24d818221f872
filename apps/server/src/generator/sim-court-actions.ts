/**
 * hearing.schedule, hearing.adjourn, hearing.hold and judgment.record on a simulated file: the
 * generator's counterpart of apps/server/src/cases/actions/hearings.ts, hearing-booking.ts and
 * judgments.ts. The slot itself was chosen free of clashes (hearing-slots.ts).
 */
import type { CaseAction } from '@qadiya/domain';
import {
  addDeadline,
  completeDeadlines,
  GeneratorBug,
  leadOf,
  ms,
  str,
  type ActionInput,
  type ActionServices,
} from './sim-team';

export function applyCourtAction(
  services: ActionServices,
  action: CaseAction,
  input: ActionInput,
): void {
  const { file, payload, now, eventId } = input;
  const book = (h: {
    room: string;
    judges: string[];
    startsAt: number;
    endsAt: number;
    summoned: string[];
  }) => {
    const id = services.ids.next('hearing');
    file.hearings.push({
      id,
      courtId: file.institution.id,
      room: h.room,
      startsAt: h.startsAt,
      endsAt: h.endsAt,
      status: 'scheduled',
      minutes: null,
      adjournReason: null,
      nextHearingId: null,
      summoned: h.summoned,
      judges: h.judges,
      createdAt: now,
    });
    addDeadline(services, file, {
      name: 'hearing',
      titleAr: 'موعد جلسة',
      titleEn: 'Hearing',
      kind: 'hearing',
      priority: 'normal',
      dueAt: h.startsAt,
      assigneeUserId: leadOf(file),
      assigneeRole: 'court_clerk',
      createdByEvent: eventId,
      subjectId: id,
      createdAt: now,
    });
    return id;
  };
  const scheduled = () => {
    const hearing = file.hearings.find(
      (h) => h.id === payload.hearingId && h.status === 'scheduled',
    );
    if (!hearing) throw new GeneratorBug(`no scheduled hearing ${str(payload.hearingId)}`);
    return hearing;
  };
  switch (action) {
    case 'hearing.schedule': {
      const startsAt = ms(payload.startsAt);
      book({
        room: str(payload.room).trim(),
        judges: payload.judgeIds as string[],
        startsAt,
        endsAt: startsAt + ((payload.durationMinutes as number | undefined) ?? 60) * 60_000,
        summoned: (payload.summonedPartyIds as string[] | undefined) ?? [],
      });
      return;
    }
    case 'hearing.adjourn': {
      const hearing = scheduled();
      hearing.status = 'adjourned';
      hearing.adjournReason = str(payload.reasonCode);
      hearing.minutes = (payload.minutes as string | undefined) ?? null;
      completeDeadlines(file, now, (d) => d.kind === 'hearing' && d.subjectId === hearing.id);
      const startsAt = ms(payload.nextStartsAt);
      hearing.nextHearingId = book({
        room: hearing.room,
        judges: hearing.judges,
        startsAt,
        endsAt: startsAt + (hearing.endsAt - hearing.startsAt),
        summoned: hearing.summoned,
      });
      return;
    }
    case 'hearing.hold': {
      const hearing = scheduled();
      hearing.status = 'held';
      hearing.minutes = str(payload.minutes);
      completeDeadlines(file, now, (d) => d.kind === 'hearing' && d.subjectId === hearing.id);
      return;
    }
    case 'judgment.record': {
      const pronouncedAt = ms(payload.pronouncedAt);
      const judgments = payload.judgments as {
        chargeId: string;
        outcome: 'convicted' | 'acquitted' | 'dismissed';
        custodialMonths?: number;
        fineAmount?: number;
      }[];
      for (const j of judgments) {
        const charge = file.charges.find(
          (c) => c.id === j.chargeId && c.disposition === 'indicted',
        );
        if (!charge) continue;
        charge.disposition = j.outcome;
        charge.disposedAt = pronouncedAt;
        charge.custodialMonths = j.custodialMonths ?? null;
        charge.fineAmount = j.fineAmount === undefined ? null : j.fineAmount.toFixed(2);
      }
      const minutes = (payload.minutes as string | undefined) ?? null;
      for (const h of file.hearings) {
        if (h.status !== 'scheduled') continue;
        if (h.startsAt <= pronouncedAt) {
          h.status = 'held';
          h.minutes = h.minutes ?? minutes;
        } else {
          h.status = 'cancelled';
        }
      }
      completeDeadlines(file, now, (d) => d.kind === 'hearing');
      return;
    }
    default:
      throw new GeneratorBug(`not a court action: ${action}`);
  }
}
