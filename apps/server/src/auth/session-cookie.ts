/**
 * The browser's copy of the session token. HttpOnly keeps it from scripts, SameSite=Strict from
 * other sites' forms (so no CSRF token is needed), Secure from plain HTTP outside demo mode.
 * It has no Expires: it ends with the browser, which suits the shared workstations of court
 * registries; the server enforces the idle timeout and absolute lifetime either way.
 */
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config';
import { SESSION_COOKIE } from './session-token';

function cookieOptions(config: Config): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure: config.auth.secureCookies };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(config));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
}
