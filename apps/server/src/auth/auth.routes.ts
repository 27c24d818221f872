/**
 * The auth routes under /api/v1/auth. Each validates (through its schema), calls one use case and
 * presents the result. Responses that carry a token or a secret are marked `no-store`.
 */
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { FastifyTypebox } from '../http/fastify-types';
import { errorResponses } from '../http/schemas';
import {
  ChangePasswordBody,
  CurrentUser,
  LoginBody,
  LoginResponse,
  SessionResponse,
  TotpConfirmBody,
  TotpDisableBody,
  TotpSetupResponse,
} from './auth.schemas';
import { changePassword } from './change-password';
import { confirmTotpEnrolment } from './confirm-totp-enrolment';
import { presentCurrentUser } from './current-user.presenter';
import { disableTotp } from './disable-totp';
import { getCurrentUser } from './get-current-user';
import { logIn } from './log-in';
import { logOut } from './log-out';
import { requestOrigin as originOf, useCaseContext as contextOf } from '../http/request-context';
import { clientOf } from './request-client';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { startTotpEnrolment } from './start-totp-enrolment';

const tags = ['auth'];

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store');
}

export async function authRoutes(app: FastifyTypebox): Promise<void> {
  await app.register(
    (auth: FastifyTypebox, _options, done: (error?: Error) => void) => {
      registerAuthRoutes(auth);
      done();
    },
    { prefix: '/auth' },
  );
}

function registerAuthRoutes(app: FastifyTypebox): void {
  const { services } = app;
  const { config } = services;
  // Per source address, on every route that checks a password or a code.
  const rateLimit = { max: config.auth.loginRateLimitPerMinute, timeWindow: 60_000 };

  app.post(
    '/login',
    {
      config: { isPublic: true, rateLimit },
      schema: {
        tags,
        summary: 'Sign in',
        description:
          'Checks the username and password (and the TOTP code when the account has one), opens a ' +
          'session and returns its token; the same token is set as the HttpOnly cookie ' +
          '`qadiya_session`. After too many failures the account is locked for a while.',
        security: [],
        body: LoginBody,
        response: { 200: LoginResponse, ...errorResponses(429) },
      },
    },
    async (request, reply) => {
      const result = await logIn(services, originOf(request), clientOf(request), request.body);
      noStore(reply);
      setSessionCookie(reply, config, result.session.token);
      return {
        token: result.session.token,
        user: presentCurrentUser(result.user),
        mfaEnrolmentRequired: result.mfaEnrolmentRequired,
      };
    },
  );

  app.post(
    '/logout',
    {
      // Public so that a client whose session already expired can still clear its cookie.
      config: { isPublic: true },
      schema: {
        tags,
        summary: 'Sign out',
        description: 'Revokes the presented session, if it is still valid, and clears the cookie.',
        response: { 204: Type.Null({ description: 'Signed out' }), ...errorResponses() },
      },
    },
    async (request, reply) => {
      await logOut(services, originOf(request), request.actor);
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    {
      config: { allowDuringMfaEnrolment: true },
      schema: {
        tags,
        summary: 'The signed-in user',
        description: 'The current user with the role assignments in force now.',
        response: { 200: CurrentUser, ...errorResponses() },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return presentCurrentUser(
        await getCurrentUser(services, ctx.actor.userId, ctx.origin.occurredAt),
      );
    },
  );

  app.post(
    '/password',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Change my password',
        description:
          'Checks the current password, sets the new one, revokes every session of the user and ' +
          'returns a new session for the caller.',
        body: ChangePasswordBody,
        response: { 200: SessionResponse, ...errorResponses(429) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const session = await changePassword(ctx, clientOf(request), request.body);
      return sendSession(reply, session.token, ctx.actor.userId, ctx.origin.occurredAt);
    },
  );

  app.post(
    '/mfa/totp/setup',
    {
      config: { allowDuringMfaEnrolment: true, rateLimit },
      schema: {
        tags,
        summary: 'Start TOTP enrolment',
        description:
          'Creates a new pending TOTP secret for an authenticator app. It takes effect only after ' +
          '`/auth/mfa/totp/confirm`. Asking again replaces the pending secret.',
        response: { 200: TotpSetupResponse, ...errorResponses(409, 429) },
      },
    },
    async (request, reply) => {
      const enrolment = await startTotpEnrolment(contextOf(request));
      noStore(reply);
      return enrolment;
    },
  );

  app.post(
    '/mfa/totp/confirm',
    {
      config: { allowDuringMfaEnrolment: true, rateLimit },
      schema: {
        tags,
        summary: 'Confirm TOTP enrolment',
        description:
          'Enables TOTP with a code from the app. All sessions of the user are revoked, including ' +
          'an enrolment-only one, and a full session is returned.',
        body: TotpConfirmBody,
        response: { 200: SessionResponse, ...errorResponses(409, 429) },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      const session = await confirmTotpEnrolment(ctx, clientOf(request), request.body);
      return sendSession(reply, session.token, ctx.actor.userId, ctx.origin.occurredAt);
    },
  );

  app.delete(
    '/mfa/totp',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Remove TOTP',
        description:
          'Removes TOTP after checking the password and a current code. Refused (409) while a ' +
          'role the user holds requires it. Other sessions of the user are revoked.',
        body: TotpDisableBody,
        response: { 200: CurrentUser, ...errorResponses(409, 429) },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      await disableTotp(ctx, request.body);
      return presentCurrentUser(
        await getCurrentUser(services, ctx.actor.userId, ctx.origin.occurredAt),
      );
    },
  );

  async function sendSession(reply: FastifyReply, token: string, userId: string, now: Date) {
    const user = presentCurrentUser(await getCurrentUser(services, userId, now));
    noStore(reply);
    setSessionCookie(reply, config, token);
    return { token, user };
  }
}
