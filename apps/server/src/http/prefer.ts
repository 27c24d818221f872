/**
 * The `Prefer` request header (RFC 7240). Qadiya honours one preference: `return=minimal`, with
 * which a client that does not show the result (an integration, a bulk import) asks for the
 * changed file's header instead of its whole page. The server says it did so with
 * `Preference-Applied: return=minimal`; preferences it does not know are ignored, as the RFC asks.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Whether the request prefers a minimal answer: `return=minimal` among its preferences. */
export function prefersMinimalReturn(request: FastifyRequest): boolean {
  const header = request.headers.prefer;
  if (!header) return false;
  // Several Prefer headers may arrive, each a comma-separated list; a preference may carry
  // parameters after ";".
  const preferences = (Array.isArray(header) ? header : [header]).flatMap((h) => h.split(','));
  return preferences.some((preference) => {
    const [token] = preference.split(';');
    const [name, value = ''] = (token ?? '').split('=').map((part) => part.trim().toLowerCase());
    return name === 'return' && value.replace(/^"(.*)"$/, '$1') === 'minimal';
  });
}

/** Tells the client the minimal answer was given (RFC 7240, section 3). */
export function applyMinimalReturn(reply: FastifyReply): void {
  reply.header('preference-applied', 'return=minimal');
}
