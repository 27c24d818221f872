import { hashPassword, passwordProblem } from '../auth/password';
import { recordAudit } from '../audit/audit-log';
import { AppError } from '../http/errors';
import { invalidField } from '../http/validation';
import { findInstitutionById } from '../organisation/institutions.repository';
import { requireAccess } from '../policy/require-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { authorizeGrant, grantRoleInTransaction, type GrantRoleInput } from './grant-role';
import { findUserByUsername, insertUser } from './users.repository';

export interface CreateUserInput {
  username: string;
  password: string;
  displayNameAr: string;
  displayNameEn: string;
  email?: string | null | undefined;
  sex?: 'female' | 'male' | null | undefined;
  /** The institution that employs the user; null for national staff. */
  institutionId: string | null;
  /** Role assignments to create with the account, in the same transaction. */
  roles?: Omit<GrantRoleInput, 'userId'>[] | undefined;
}

export async function createUser(ctx: UseCaseContext, input: CreateUserInput) {
  await requireAccess(ctx, 'user.manage', { institutionId: input.institutionId });
  for (const grant of input.roles ?? []) await authorizeGrant(ctx, grant);
  const username = input.username.trim().toLowerCase();
  const problem = passwordProblem(input.password, username);
  if (problem) throw invalidField('password', problem);
  if (input.institutionId && !(await findInstitutionById(ctx.db, input.institutionId))) {
    throw invalidField('institutionId', 'no such institution');
  }
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (trx) => {
    if (await findUserByUsername(trx, username)) {
      throw new AppError('ALREADY_EXISTS', `The username ${username} is taken`, { username });
    }
    const user = await insertUser(trx, {
      username,
      password_hash: passwordHash,
      display_name_ar: input.displayNameAr,
      display_name_en: input.displayNameEn,
      email: input.email ?? null,
      sex: input.sex ?? null,
      institution_id: input.institutionId,
      password_changed_at: ctx.origin.occurredAt,
      created_at: ctx.origin.occurredAt,
      updated_at: ctx.origin.occurredAt,
    });
    await recordAudit(trx, ctx.origin, {
      action: 'user.created',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'user', id: user.id },
      institutionId: user.institution_id,
      details: { username },
    });
    const assignments = [];
    for (const grant of input.roles ?? []) {
      assignments.push(await grantRoleInTransaction(ctx, trx, { ...grant, userId: user.id }));
    }
    return { user, assignments };
  });
}
