/**
 * Who gets a new file. Court files go to the judges of the court by equal rotation per case type
 * (the judge with the fewest files of that type gets the next; ties go to whoever waited longest),
 * as Jordan's Mizan does; prosecution files likewise among the prosecutors of the unit. Whoever
 * is recused from the file (an excluded grant, possible while a referred file waits in the inbox)
 * is passed over. Called after the numbering counter is locked, so two concurrent files never see
 * the same counts.
 */
import type { Role } from '@qadiya/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { actorUserIdForFk, type Actor } from '../policy/actor';

/** The role that leads a file of each kind of institution. */
export function leadRoleFor(institutionKind: string): Role | null {
  switch (institutionKind) {
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

export async function pickByRotation(
  trx: Transaction<Database>,
  params: {
    institutionId: string;
    unitId: string | null;
    caseType: string;
    role: Role;
    now: Date;
    /** The file being assigned, when it exists already: whoever is recused from it is passed over. */
    caseId?: string;
  },
): Promise<string | null> {
  const { caseId } = params;
  const candidates = await trx
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .select(['u.id', 'u.username'])
    .where('ra.role', '=', params.role)
    .where('ra.grant_kind', '=', 'standard')
    .where('ra.institution_id', '=', params.institutionId)
    .where('ra.revoked_at', 'is', null)
    .where('ra.valid_from', '<=', params.now)
    .where((eb) => eb.or([eb('ra.valid_until', 'is', null), eb('ra.valid_until', '>', params.now)]))
    .where((eb) =>
      params.unitId
        ? eb.or([eb('ra.unit_id', 'is', null), eb('ra.unit_id', '=', params.unitId)])
        : eb.val(true),
    )
    .where('u.is_active', '=', true)
    .where((eb) =>
      caseId
        ? eb.not(
            eb.exists(
              eb
                .selectFrom('role_assignments as ex')
                .select('ex.id')
                .whereRef('ex.user_id', '=', 'u.id')
                .where('ex.grant_kind', '=', 'excluded')
                .where('ex.case_id', '=', caseId)
                .where('ex.revoked_at', 'is', null)
                .where('ex.valid_from', '<=', params.now)
                .where((e) =>
                  e.or([e('ex.valid_until', 'is', null), e('ex.valid_until', '>', params.now)]),
                ),
            ),
          )
        : eb.val(true),
    )
    .groupBy(['u.id', 'u.username'])
    .execute();
  if (candidates.length === 0) return null;
  // Every lead assignment each candidate ever had on the institution's files of the type, and the
  // latest: kept per (institution, case type, user) by a trigger (migration 0018), instead of
  // counted here from every file under the numbering lock.
  const loads = await trx
    .selectFrom('lead_rotation_loads')
    .select(['user_id', 'files', 'last_assigned'])
    .where('institution_id', '=', params.institutionId)
    .where('case_type', '=', params.caseType)
    .where(
      'user_id',
      'in',
      candidates.map((c) => c.id),
    )
    .execute();
  const loadOf = new Map(loads.map((l) => [l.user_id, l]));
  const ranked = [...candidates].sort((a, b) => {
    const la = loadOf.get(a.id);
    const lb = loadOf.get(b.id);
    const byCount = (la?.files ?? 0) - (lb?.files ?? 0);
    if (byCount !== 0) return byCount;
    const byWait = (la?.last_assigned?.getTime() ?? 0) - (lb?.last_assigned?.getTime() ?? 0);
    return byWait !== 0 ? byWait : a.username.localeCompare(b.username);
  });
  return ranked[0]?.id ?? null;
}

export async function assignLead(
  trx: Transaction<Database>,
  params: {
    caseId: string;
    userId: string;
    role: Role;
    actor: Actor | null;
    now: Date;
    reason: string;
  },
): Promise<void> {
  await trx
    .updateTable('case_assignments')
    .set({ ended_at: params.now, end_reason: params.reason })
    .where('case_id', '=', params.caseId)
    .where('is_lead', '=', true)
    .where('ended_at', 'is', null)
    .execute();
  await trx
    .insertInto('case_assignments')
    .values({
      case_id: params.caseId,
      user_id: params.userId,
      role: params.role,
      is_lead: true,
      assigned_at: params.now,
      assigned_by: params.actor ? actorUserIdForFk(params.actor) : null,
      reason: params.reason,
    })
    .execute();
}

/**
 * Gives a new (or newly accepted) file its lead by rotation among the institution's holders of
 * the lead role. Returns the chosen user, or null when nobody holds the role there.
 */
export async function assignLeadByRotation(
  trx: Transaction<Database>,
  params: {
    caseId: string;
    institutionId: string;
    institutionKind: string;
    unitId: string | null;
    caseType: string;
    actor: Actor;
    now: Date;
    reason: string;
  },
): Promise<string | null> {
  const role = leadRoleFor(params.institutionKind);
  if (!role) return null;
  const userId = await pickByRotation(trx, { ...params, role });
  if (userId) await assignLead(trx, { ...params, userId, role });
  return userId;
}

/**
 * Adds someone to a file's team without making them its lead: the counsellor instructed on a
 * juvenile file, the mediator it is referred to, the clerk who took a restricted file in. Being on
 * the team is what lets them open a restricted file (policy/case-access.ts). Nothing happens when
 * they are already on it in that role.
 */
export async function addTeamMember(
  trx: Transaction<Database>,
  params: { caseId: string; userId: string; role: Role; actor: Actor; now: Date; reason: string },
): Promise<void> {
  const existing = await trx
    .selectFrom('case_assignments')
    .select('id')
    .where('case_id', '=', params.caseId)
    .where('user_id', '=', params.userId)
    .where('role', '=', params.role)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (existing) return;
  await trx
    .insertInto('case_assignments')
    .values({
      case_id: params.caseId,
      user_id: params.userId,
      role: params.role,
      is_lead: false,
      assigned_at: params.now,
      assigned_by: actorUserIdForFk(params.actor),
      reason: params.reason,
    })
    .execute();
}

/** Ends a non-lead member's work on the file (the mediation is over); the history stays. */
export async function endTeamMembership(
  trx: Transaction<Database>,
  params: { caseId: string; reason: string; endReason: string; now: Date },
): Promise<void> {
  await trx
    .updateTable('case_assignments')
    .set({ ended_at: params.now, end_reason: params.endReason })
    .where('case_id', '=', params.caseId)
    .where('is_lead', '=', false)
    .where('reason', '=', params.reason)
    .where('ended_at', 'is', null)
    .execute();
}

/**
 * The user, if active and holding one of `roles` through a current standard grant; with the role
 * found and the institution kind of that grant.
 */
export async function activeHolderOf(
  trx: Transaction<Database>,
  userId: string,
  roles: readonly Role[],
  now: Date,
): Promise<{ role: Role; institutionKind: string } | null> {
  const grant = await trx
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .innerJoin('institutions as i', 'i.id', 'ra.institution_id')
    .select(['ra.role', 'i.kind'])
    .where('ra.user_id', '=', userId)
    .where('ra.role', 'in', [...roles])
    .where('ra.grant_kind', '=', 'standard')
    .where('ra.revoked_at', 'is', null)
    .where('ra.valid_from', '<=', now)
    .where((eb) => eb.or([eb('ra.valid_until', 'is', null), eb('ra.valid_until', '>', now)]))
    .where('u.is_active', '=', true)
    .orderBy('ra.role')
    .executeTakeFirst();
  return grant ? { role: grant.role, institutionKind: grant.kind } : null;
}
