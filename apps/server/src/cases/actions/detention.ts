/**
 * detention.arrest, detention.order and detention.release: the detention of an accused, each
 * order with its expiry (checked against the rule table of Law 3/2001), and the release. Every
 * order replaces the detention's deadline with one due at the new expiry, so the file's lead sees
 * "detention expires" at the top of their work queue until the person is released or extended.
 */
import {
  checkDetentionOrder,
  DEFAULT_DETENTION_RULES,
  DEFAULT_JUVENILE_DETENTION_RULES,
  type DetentionFacility,
  type DetentionAuthority,
  type DetentionRules,
} from '@qadiya/domain';
import { ruleViolation } from '../../http/errors';
import { invalidField } from '../../http/validation';
import { actorUserIdForFk } from '../../policy/actor';
import type { ActionContext, ActionHandler } from './action-context';
import {
  completeSubjectDeadlines,
  insertSubjectDeadline,
  leadOrLeadRole,
} from './action-deadlines';

/** The rule table in force. One place to plug in a jurisdiction's own limits. */
export const detentionRules: DetentionRules = DEFAULT_DETENTION_RULES;

/** The table that applies to a detention: a juvenile's limits are shorter. */
function rulesFor(isJuvenile: boolean, configured: DetentionRules | null): DetentionRules {
  if (!isJuvenile) return detentionRules;
  return configured ?? DEFAULT_JUVENILE_DETENTION_RULES;
}

export const DETENTION_DEADLINE = {
  name: 'detention_expiry',
  title: { ar: 'انتهاء مدة التوقيف', en: 'Detention expires' },
} as const;

const AUTHORITIES: readonly DetentionAuthority[] = ['police', 'prosecution', 'court'];

export const arrest: ActionHandler = async ({ trx, file, payload }) => {
  // The engine's guards have refused a child under 12, an unjustified juvenile detention and a
  // juvenile among adults; the row records the juvenile flag so the rule table and the indicators
  // follow the detention whatever happens to the person record later.
  const party = await trx
    .selectFrom('parties')
    .select('age_status')
    .where('id', '=', payload.partyId as string)
    .where('case_id', '=', file.id)
    .executeTakeFirstOrThrow();
  const isJuvenile = party.age_status === 'juvenile';
  await trx
    .insertInto('detentions')
    .values({
      case_id: file.id,
      party_id: payload.partyId as string,
      arrested_at: new Date(payload.arrestedAt as string),
      place: (payload.place as string | undefined) ?? null,
      facility: (payload.facility as DetentionFacility | undefined) ?? null,
      is_juvenile: isJuvenile,
      last_resort_justification: isJuvenile
        ? ((payload.lastResortJustification as string | undefined) ?? null)
        : null,
    })
    .execute();
};

export const orderDetention: ActionHandler = async (context) => {
  const { trx, ctx, payload, params, now } = context;
  const authority = params.authority as DetentionAuthority | undefined;
  if (!authority || !AUTHORITIES.includes(authority)) {
    throw new Error(`detention.order: the event names no valid authority (${String(authority)})`);
  }
  const detention = await openDetention(context, payload.detentionId as string);
  const previous = await trx
    .selectFrom('detention_orders')
    .select(['id', 'authority', 'starts_at', 'expires_at'])
    .where('detention_id', '=', detention.id)
    .execute();
  const check = checkDetentionOrder(
    rulesFor(detention.is_juvenile, ctx.config.juvenileDetentionRules),
    {
      authority,
      duration: payload.duration as number,
      arrestedAt: detention.arrested_at,
      previousOrders: previous.map((o) => ({
        authority: o.authority,
        startsAt: o.starts_at,
        expiresAt: o.expires_at,
      })),
      now,
    },
  );
  if (!check.ok) throw ruleViolation(check.code, check.message, check.details);
  const order = await trx
    .insertInto('detention_orders')
    .values({
      detention_id: detention.id,
      authority,
      issued_by: actorUserIdForFk(ctx.actor),
      issued_at: now,
      starts_at: check.startsAt,
      expires_at: check.expiresAt,
      reason: payload.reason as string,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await completeSubjectDeadlines(
    context,
    'detention',
    previous.map((o) => o.id),
  );
  await insertSubjectDeadline(context, {
    ...DETENTION_DEADLINE,
    kind: 'detention',
    priority: 'urgent',
    dueAt: check.expiresAt,
    subjectId: order.id,
    assignee: await leadOrLeadRole(context),
  });
};

export const release: ActionHandler = async (context) => {
  const { trx, payload, now } = context;
  const detention = await openDetention(context, payload.detentionId as string);
  const releasedAt = new Date(payload.releasedAt as string);
  if (releasedAt.getTime() < detention.arrested_at.getTime()) {
    throw invalidField('payload.releasedAt', 'is before the arrest');
  }
  // A minute of leeway for clocks that run a little ahead of the server's.
  if (releasedAt.getTime() > now.getTime() + 60_000) {
    throw invalidField('payload.releasedAt', 'is in the future');
  }
  await trx
    .updateTable('detentions')
    .set({ released_at: releasedAt, release_reason: payload.reason as string })
    .where('id', '=', detention.id)
    .execute();
  const orders = await trx
    .selectFrom('detention_orders')
    .select('id')
    .where('detention_id', '=', detention.id)
    .execute();
  await completeSubjectDeadlines(
    context,
    'detention',
    orders.map((o) => o.id),
  );
};

/** The open detention of this file (the engine's guard has checked it; this reads the row). */
async function openDetention({ trx, file }: ActionContext, detentionId: string) {
  const detention = await trx
    .selectFrom('detentions')
    .select(['id', 'arrested_at', 'is_juvenile'])
    .where('id', '=', detentionId)
    .where('case_id', '=', file.id)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  if (!detention) throw invalidField('payload.detentionId', 'no open detention of this file');
  return detention;
}
