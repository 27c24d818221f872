/**
 * The effects of an accepted event (deadlines, their completion, referrals): the generator's
 * counterpart of apps/server/src/cases/case-effects.ts.
 */
import type { Effect } from '@qadiya/domain';
import type { OrgInstitution } from './organisation';
import {
  addDeadline,
  completeDeadlines,
  leadOrLeadRole,
  ms,
  str,
  type ActionInput,
  type ActionServices,
} from './sim-team';

/** case-effects.ts applyEffects. */
export function applyEffects(
  services: ActionServices,
  input: ActionInput,
  effects: readonly Effect[],
  calendarOf: (institution: OrgInstitution) => { deadline(instant: number, days: number): number },
): void {
  const { file, payload, now, eventId, actor } = input;
  for (const effect of effects) {
    switch (effect.kind) {
      case 'deadline': {
        const a = effect.assignee;
        const who =
          a.kind === 'actor'
            ? { userId: actor.userId, role: null }
            : a.kind === 'payload_user'
              ? { userId: str(payload[a.field]), role: null }
              : a.kind === 'role_at_institution'
                ? { userId: null, role: a.role }
                : leadOrLeadRole(file);
        const due = effect.due;
        const dueAt =
          due.kind === 'hours'
            ? now + due.hours * 3_600_000
            : due.kind === 'payload_date'
              ? ms(payload[due.field])
              : calendarOf(file.institution).deadline(now, due.days);
        addDeadline(services, file, {
          name: effect.name,
          titleAr: effect.labels.ar,
          titleEn: effect.labels.en,
          kind: 'deadline',
          priority: effect.priority,
          dueAt,
          assigneeUserId: who.userId,
          assigneeRole: who.role,
          createdByEvent: eventId,
          subjectId: null,
          createdAt: now,
        });
        break;
      }
      case 'complete_deadlines':
        completeDeadlines(file, now, (d) => effect.names.includes(d.name));
        break;
      case 'refer':
        services.refer(input, effect);
        break;
    }
  }
}
