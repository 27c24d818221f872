import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMfaRequired } from '../../src/auth/mfa-requirement';
import { hashSessionToken } from '../../src/auth/session-token';
import { buildTestApp, type TestApp } from '../support/app';
import { isolatedTestDatabase, type IsolatedDatabase } from '../support/database';
import { bearer, buildInstitution, buildUser, TEST_PASSWORD } from '../support/factories';
import { buildAuthTestApp, getMe, postLogin, totpCodeAt } from './auth-helpers';

interface LoginBody {
  token: string;
  mfaEnrolmentRequired: boolean;
  user: { mfaRequired: boolean; totpEnabled: boolean };
}

/** Walks a user whose role requires MFA from the enrolment-only session to a full one. */
async function provesEnrolmentOnlyFlow(t: TestApp, username: string): Promise<void> {
  const login = await postLogin(t.app, { username, password: TEST_PASSWORD });
  expect(login.statusCode).toBe(200);
  const body = login.json<LoginBody>();
  expect(body.mfaEnrolmentRequired).toBe(true);
  expect(body.user).toMatchObject({ mfaRequired: true, totpEnabled: false });
  const session = await t.handle.db
    .selectFrom('sessions')
    .select('is_mfa_enrolment_only')
    .where('token_hash', '=', hashSessionToken(body.token))
    .executeTakeFirstOrThrow();
  expect(session.is_mfa_enrolment_only).toBe(true);

  // The enrolment-only session reaches /me and enrolment, and nothing else.
  const headers = bearer(body.token);
  expect((await getMe(t.app, headers)).statusCode).toBe(200);
  for (const route of [
    { method: 'POST', url: '/api/v1/auth/password', payload: {} },
    { method: 'DELETE', url: '/api/v1/auth/mfa/totp', payload: {} },
  ] as const) {
    const refused = await t.app.inject({ ...route, headers });
    expect(refused.statusCode, route.url).toBe(403);
    expect(refused.json().error.code).toBe('MFA_ENROLMENT_REQUIRED');
  }

  const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/mfa/totp/setup', headers });
  expect(setup.statusCode).toBe(200);
  const { secret } = setup.json<{ secret: string }>();
  const confirmed = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/mfa/totp/confirm',
    headers,
    payload: { code: totpCodeAt(secret, t.clock.now()) },
  });
  expect(confirmed.statusCode).toBe(200);
  const full = confirmed.json<{ token: string }>().token;
  expect((await getMe(t.app, headers)).statusCode).toBe(401);
  // The full session passes the enrolment gate (and reaches the use case: wrong password → 403).
  const change = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password',
    headers: bearer(full),
    payload: { currentPassword: 'not-the-password', newPassword: 'olive-tree-by-the-river' },
  });
  expect(change.json().error.code).toBe('FORBIDDEN');

  // From now on the code is needed, and the session is a full one.
  expect((await postLogin(t.app, { username, password: TEST_PASSWORD })).json().error.code).toBe(
    'MFA_REQUIRED',
  );
  const next = await postLogin(t.app, {
    username,
    password: TEST_PASSWORD,
    totpCode: totpCodeAt(secret, t.clock.now()),
  });
  expect(next.json<LoginBody>().mfaEnrolmentRequired).toBe(false);

  // A role that requires TOTP keeps it from being removed.
  const remove = await t.app.inject({
    method: 'DELETE',
    url: '/api/v1/auth/mfa/totp',
    headers: bearer(next.json<LoginBody>().token),
    payload: { password: TEST_PASSWORD, code: totpCodeAt(secret, t.clock.now()) },
  });
  expect(remove.statusCode).toBe(409);
  expect(remove.json().error.code).toBe('CONFLICT');
}

describe('MFA required by QADIYA_MFA_REQUIRED_ROLES', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildAuthTestApp({ QADIYA_MFA_REQUIRED_ROLES: 'judge,chief_prosecutor' });
  });
  afterAll(async () => {
    await t.app.close();
  });

  it('gives an enrolment-only session until the user enrols', async () => {
    const court = await buildInstitution(t.handle.db, { kind: 'court' });
    const judge = await buildUser(t.handle.db, {
      institutionId: court.id,
      grants: [{ role: 'judge', institutionId: court.id }],
    });
    await provesEnrolmentOnlyFlow(t, judge.username);
  });

  it('ignores a role whose assignment is no longer in force', async () => {
    const court = await buildInstitution(t.handle.db, { kind: 'court' });
    const user = await buildUser(t.handle.db, {
      institutionId: court.id,
      grants: [
        {
          role: 'judge',
          institutionId: court.id,
          validFrom: new Date(Date.now() - 2 * 86_400_000),
          validUntil: new Date(Date.now() - 86_400_000),
        },
      ],
    });
    const login = await postLogin(t.app, { username: user.username, password: TEST_PASSWORD });
    expect(login.json<LoginBody>()).toMatchObject({
      mfaEnrolmentRequired: false,
      user: { mfaRequired: false },
    });
  });

  it('does not count an exclusion (recusal) as holding the role', async () => {
    const assignment = {
      id: '00000000-0000-4000-8000-000000000002',
      role: 'judge' as const,
      institutionId: null,
      unitId: null,
      caseId: '00000000-0000-4000-8000-000000000001',
      validUntil: null,
    };
    const excluded = { ...assignment, grantKind: 'excluded' as const };
    const specific = { ...assignment, grantKind: 'specific' as const };
    expect(await isMfaRequired(t.handle.db, t.config, [excluded])).toBe(false);
    expect(await isMfaRequired(t.handle.db, t.config, [excluded, specific])).toBe(true);
  });
});

describe('MFA required by role_settings', () => {
  // role_settings is global, so this runs on a database of its own rather than the shared one.
  let iso: IsolatedDatabase;
  let t: TestApp;
  beforeAll(async () => {
    iso = await isolatedTestDatabase();
    t = await buildTestApp({ handle: iso.handle, env: { QADIYA_LOGIN_RATE_LIMIT: '10000' } });
  });
  afterAll(async () => {
    await t.app.close();
    await iso.dispose();
  });

  it('gives an enrolment-only session until the user enrols', async () => {
    await t.handle.db
      .insertInto('role_settings')
      .values({ role: 'mediator', requires_mfa: true })
      .execute();
    const office = await buildInstitution(t.handle.db, { kind: 'social_services' });
    const mediator = await buildUser(t.handle.db, {
      institutionId: office.id,
      grants: [{ role: 'mediator', institutionId: office.id }],
    });
    await provesEnrolmentOnlyFlow(t, mediator.username);
  });
});
