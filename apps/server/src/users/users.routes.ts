/**
 * Admin API for accounts and role assignments (`/api/v1/admin/…`). Routes validate, build the
 * use-case context, call one use case and present the result; the policy lives in the use cases.
 */
import { Type } from 'typebox';
import type { FastifyTypebox } from '../http/fastify-types';
import { useCaseContext } from '../http/request-context';
import { errorResponses, IdParams } from '../http/schemas';
import { createUser } from './create-user';
import { grantRole } from './grant-role';
import { disableUser, enableUser, resetUserPassword, unlockUser } from './manage-user-access';
import { getUser, listUsers } from './read-users';
import { revokeRole } from './revoke-role';
import { listRoleSettings, updateRoleSetting } from './role-settings';
import { updateUser } from './update-user';
import { presentRoleAssignment, presentUser } from './user.presenter';
import {
  CreateUserBody,
  GrantRoleBody,
  ListUsersQuery,
  ReasonBody,
  ResetPasswordBody,
  RoleAssignmentResponse,
  RoleParams,
  RoleSettingBody,
  RoleSettingResponse,
  UpdateUserBody,
  UserResponse,
  UserWithAssignmentsResponse,
} from './users.schemas';

const tags = ['admin: users and roles'];

function toGrantInput(body: GrantRoleBody) {
  return {
    ...body,
    validFrom: body.validFrom ? new Date(body.validFrom) : undefined,
    validUntil: typeof body.validUntil === 'string' ? new Date(body.validUntil) : body.validUntil,
  };
}

export function usersRoutes(app: FastifyTypebox): void {
  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'List the users you administer (national admins: all)',
        querystring: ListUsersQuery,
        response: {
          200: Type.Object({ items: Type.Array(UserResponse), total: Type.Integer() }),
          ...errorResponses(),
        },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const { q, ...rest } = request.query;
      const result = await listUsers(ctx, { ...rest, search: q });
      const now = ctx.clock.now();
      return { items: result.rows.map((row) => presentUser(row, now)), total: result.total };
    },
  );

  app.post(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Create a user account, optionally with role assignments',
        body: CreateUserBody,
        response: { 201: UserWithAssignmentsResponse, ...errorResponses(409) },
      },
    },
    async (request, reply) => {
      const ctx = useCaseContext(request);
      const { roles, ...body } = request.body;
      const result = await createUser(ctx, { ...body, roles: roles?.map(toGrantInput) });
      return reply.status(201).send({
        user: presentUser(result.user, ctx.clock.now()),
        assignments: result.assignments.map(presentRoleAssignment),
      });
    },
  );

  app.get(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'A user with all role assignments (current, expired and revoked)',
        params: IdParams,
        response: { 200: UserWithAssignmentsResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      const result = await getUser(ctx, request.params.id);
      return {
        user: presentUser(result.user, ctx.clock.now()),
        assignments: result.assignments.map(presentRoleAssignment),
      };
    },
  );

  app.patch(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Edit a user; send the version you edited (409 if stale)',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserResponse, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      return presentUser(await updateUser(ctx, request.params.id, request.body), ctx.clock.now());
    },
  );

  const accountAction = (
    path: string,
    summary: string,
    run: (
      ctx: ReturnType<typeof useCaseContext>,
      id: string,
      body: Record<string, string>,
    ) => Promise<Parameters<typeof presentUser>[0]>,
    body?: typeof ReasonBody | typeof ResetPasswordBody,
  ) =>
    app.post(
      `/admin/users/:id/${path}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          ...(body ? { body } : {}),
          response: { 200: UserResponse, ...errorResponses(404, 409) },
        },
      },
      async (request) => {
        const ctx = useCaseContext(request);
        const payload = (request.body ?? {}) as Record<string, string>;
        return presentUser(await run(ctx, request.params.id, payload), ctx.clock.now());
      },
    );
  accountAction(
    'disable',
    'Disable an account and revoke all its sessions',
    (ctx, id, b) => disableUser(ctx, id, b.reason ?? ''),
    ReasonBody,
  );
  accountAction('enable', 'Enable a disabled account', (ctx, id) => enableUser(ctx, id));
  accountAction('unlock', 'Clear a lockout after failed logons', (ctx, id) => unlockUser(ctx, id));
  accountAction(
    'reset-password',
    'Set a new password and revoke all sessions',
    (ctx, id, b) => resetUserPassword(ctx, id, b.newPassword ?? ''),
    ResetPasswordBody,
  );

  app.post(
    '/admin/users/:id/role-assignments',
    {
      schema: {
        tags,
        summary: 'Grant a role: standard, specific (one case), excluded (recusal) or break-glass',
        params: IdParams,
        body: GrantRoleBody,
        response: { 201: RoleAssignmentResponse, ...errorResponses(404, 409) },
      },
    },
    async (request, reply) => {
      const ctx = useCaseContext(request);
      const assignment = await grantRole(ctx, {
        ...toGrantInput(request.body),
        userId: request.params.id,
      });
      return reply.status(201).send(presentRoleAssignment(assignment));
    },
  );

  app.post(
    '/admin/role-assignments/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a role assignment, with a reason',
        params: IdParams,
        body: ReasonBody,
        response: { 200: RoleAssignmentResponse, ...errorResponses(404, 409) },
      },
    },
    async (request) => {
      const ctx = useCaseContext(request);
      return presentRoleAssignment(await revokeRole(ctx, request.params.id, request.body.reason));
    },
  );

  app.get(
    '/admin/role-settings',
    {
      schema: {
        tags,
        summary: 'Per-role settings (whether the role requires TOTP)',
        response: { 200: Type.Array(RoleSettingResponse), ...errorResponses() },
      },
    },
    (request) => listRoleSettings(useCaseContext(request)),
  );

  app.put(
    '/admin/role-settings/:role',
    {
      schema: {
        tags,
        summary: 'Require (or stop requiring) TOTP for a role; national administrators only',
        params: RoleParams,
        body: RoleSettingBody,
        response: { 200: Type.Array(RoleSettingResponse), ...errorResponses() },
      },
    },
    (request) =>
      updateRoleSetting(useCaseContext(request), request.params.role, request.body.requiresMfa),
  );
}
