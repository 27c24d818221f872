/**
 * What the simulated actions share, as the server's actions share action-context.ts,
 * action-deadlines.ts and case-assignment.ts: the input of an action, the services it may use, and
 * the file's deadlines and team (the lead, team members, deadlines and their completion).
 */
import type { DetentionRules, OffenceClass } from '@qadiya/domain';
import type { Effect } from '@qadiya/domain';
import type { LocalClock } from './calendar';
import type { IdFactory } from './ids';
import type { SimAssignment, SimDeadline, SimFile } from './sim-model';

export interface ActionInput {
  file: SimFile;
  payload: Record<string, unknown>;
  params: Readonly<Record<string, string>>;
  now: number;
  eventId: string;
  actor: { userId: string; role: string };
}

export interface ActionServices {
  ids: IdFactory;
  clock: LocalClock;
  juvenileRules: DetentionRules;
  person(personId: string): { dateOfBirth: string | null; sex: 'female' | 'male' };
  offence(offenceId: string): {
    offenceClass: OffenceClass;
    isGbvRelated: boolean;
    linksCybercrime: boolean;
  };
  /** The role the server's activeHolderOf finds for a mediator (first in role order). */
  mediatorRole(userId: string, at: number): string;
  refer(input: ActionInput, effect: Extract<Effect, { kind: 'refer' }>): void;
}

export class GeneratorBug extends Error {
  override name = 'GeneratorBug';
}

export const str = (value: unknown): string => String(value);
export const ms = (value: unknown): number => Date.parse(String(value));

/** The role that leads files at an institution (cases/case-assignment.ts). */
export function leadRoleFor(kind: string): string | null {
  switch (kind) {
    case 'court':
      return 'judge';
    case 'prosecution_office':
      return 'prosecutor';
    case 'police_unit':
      return 'police_investigator';
    default:
      return null;
  }
}

export function leadOf(file: SimFile): string | null {
  return file.assignments.find((a) => a.isLead && a.endedAt === null)?.userId ?? null;
}

/** action-deadlines.ts leadOrLeadRole. */
export function leadOrLeadRole(file: SimFile): { userId: string | null; role: string | null } {
  const userId = leadOf(file);
  if (userId) return { userId, role: null };
  return { userId: null, role: leadRoleFor(file.institution.kind) ?? 'admin' };
}

export function addDeadline(
  services: ActionServices,
  file: SimFile,
  deadline: Omit<SimDeadline, 'id' | 'completedAt'>,
): void {
  file.deadlines.push({ ...deadline, id: services.ids.next('deadline'), completedAt: null });
}

export function completeDeadlines(
  file: SimFile,
  now: number,
  match: (d: SimDeadline) => boolean,
): void {
  for (const d of file.deadlines) if (d.completedAt === null && match(d)) d.completedAt = now;
}

export function addTeamMember(
  services: ActionServices,
  file: SimFile,
  member: { userId: string; role: string; by: string | null; now: number; reason: string },
): void {
  const existing = file.assignments.some(
    (a) => a.userId === member.userId && a.role === member.role && a.endedAt === null,
  );
  if (existing) return;
  file.assignments.push(assignment(services, member, false));
}

export function assignLead(
  services: ActionServices,
  file: SimFile,
  lead: { userId: string; role: string; by: string | null; now: number; reason: string },
): void {
  for (const a of file.assignments) {
    if (a.isLead && a.endedAt === null) {
      a.endedAt = lead.now;
      a.endReason = lead.reason;
    }
  }
  file.assignments.push(assignment(services, lead, true));
}

function assignment(
  services: ActionServices,
  m: { userId: string; role: string; by: string | null; now: number; reason: string },
  isLead: boolean,
): SimAssignment {
  return {
    id: services.ids.next('assignment'),
    userId: m.userId,
    role: m.role,
    isLead,
    assignedAt: m.now,
    assignedBy: m.by,
    reason: m.reason,
    endedAt: null,
    endReason: null,
  };
}
