/**
 * The people a juvenile prosecutor may bring onto a file from outside the prosecution: child
 * protection counsellors of the social services (for the social research report), and mediators
 * (Art. 23: an accredited mediator or a counsellor). They work across institutions, so the list
 * is national; only prosecutors may ask, and it holds names and institutions only. The juvenile
 * police may mediate too (the server accepts a police investigator as mediator), but nothing in
 * the organisation model marks which police units are the juvenile police yet, so they are not
 * offered here.
 */
import type { InstitutionKind, Role } from '@qadiya/domain';
import { sql } from 'kysely';
import { requireAccess } from '../policy/require-access';
import type { UseCaseContext } from '../use-case-context';

export const CASE_WORKER_KINDS = ['counsellor', 'mediator'] as const;
export type CaseWorkerKind = (typeof CASE_WORKER_KINDS)[number];

/** Which roles, at which kind of institution, make a case worker of each kind. */
const WORKERS: Readonly<
  Record<CaseWorkerKind, { role: Role; institutionKinds: InstitutionKind[] | 'any' }[]>
> = {
  counsellor: [{ role: 'child_protection_counsellor', institutionKinds: ['social_services'] }],
  mediator: [
    { role: 'mediator', institutionKinds: 'any' },
    { role: 'child_protection_counsellor', institutionKinds: ['social_services'] },
  ],
};

export async function listCaseWorkers(ctx: UseCaseContext, query: { kind: CaseWorkerKind }) {
  await requireAccess(ctx, 'lookup.case_workers', {
    institutionId: ctx.actor.institutionId,
    object: { type: 'lookup', id: `case-workers:${query.kind}` },
  });
  const now = ctx.clock.now();
  return ctx.db
    .selectFrom('role_assignments as ra')
    .innerJoin('users as u', 'u.id', 'ra.user_id')
    .innerJoin('institutions as i', 'i.id', 'ra.institution_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name_ar',
      'u.display_name_en',
      'ra.role',
      'i.id as institution_id',
      'i.code as institution_code',
      'i.name_ar as institution_name_ar',
      'i.name_en as institution_name_en',
    ])
    .where((eb) =>
      eb.or(
        WORKERS[query.kind].map((w) =>
          eb.and([
            eb('ra.role', '=', w.role),
            ...(w.institutionKinds === 'any' ? [] : [eb('i.kind', 'in', w.institutionKinds)]),
          ]),
        ),
      ),
    )
    .where('ra.grant_kind', '=', 'standard')
    .where('ra.revoked_at', 'is', null)
    .where('ra.valid_from', '<=', now)
    .where((eb) => eb.or([eb('ra.valid_until', 'is', null), eb('ra.valid_until', '>', now)]))
    .where('u.is_active', '=', true)
    .where('i.is_active', '=', true)
    .orderBy(sql`u.display_name_ar`)
    .orderBy('u.id')
    .limit(500)
    .execute();
}
