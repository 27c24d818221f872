/** Reading files: the case page, the timeline, lists and the inbox, all through the policy module. */
import { availableEvents, emptyFacts, type CaseTypeDefinition, type Role } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import type { CaseRow, Database } from '../db/schema';
import { notFound } from '../http/errors';
import { decideCaseAccess, visibleCasesCondition } from '../policy/case-access';
import type { UseCaseContext } from '../use-case-context';
import { requireCaseAccess } from './case-access';
import { findCaseById, listEvents, teamRolesOf } from './cases.repository';
import { definitionOf } from './fire-event';
import { loadJuvenileParts } from './juvenile-page';
import { loadProtectionParts } from './protection-page';
import { isOnTeam } from '../policy/victim-protection';

/** Events the actor may fire now (state and role; guards are checked when fired). */
function eventsForActor(
  definition: CaseTypeDefinition,
  file: CaseRow,
  roles: readonly Role[],
): string[] {
  if (file.intake_status !== 'accepted') return [];
  return availableEvents(definition, {
    ...emptyFacts(file.case_type, file.state, new Date()),
    actorRoles: roles,
  });
}

export async function getCase(ctx: UseCaseContext, caseId: string) {
  const file = await findCaseById(ctx.db, caseId);
  if (!file) throw notFound('Case', caseId);
  const access = await requireCaseAccess(ctx, file, 'read');
  const definition = definitionOf(file);
  const parts = await loadCaseParts(ctx.db, file);
  const links = await visibleMatterFiles(ctx, file);
  return {
    file,
    definition,
    roles: access.roles,
    availableEvents: eventsForActor(definition, file, access.roles),
    links,
    juvenileParts: await loadJuvenileParts(ctx.db, file),
    protectionParts: await loadProtectionParts(ctx.db, file, ctx.clock.now()),
    // Victims of a family protection file are shown by initials to readers outside its team.
    isOnTeam: await isOnTeam(ctx.db, ctx.actor, file.id),
    ...parts,
  };
}

export async function getTimeline(ctx: UseCaseContext, caseId: string) {
  const file = await findCaseById(ctx.db, caseId);
  if (!file) throw notFound('Case', caseId);
  const access = await requireCaseAccess(ctx, file, 'read');
  const definition = definitionOf(file);
  return {
    file,
    definition,
    events: await listEvents(ctx.db, caseId),
    availableEvents: eventsForActor(definition, file, access.roles),
  };
}

async function loadCaseParts(db: Kysely<Database>, file: CaseRow) {
  const [team, parties, charges, detentions, orders, hearings, judges, deadlines, institution] =
    await Promise.all([
      db
        .selectFrom('case_assignments as ca')
        .innerJoin('users as u', 'u.id', 'ca.user_id')
        .select([
          'ca.user_id',
          'ca.role',
          'ca.is_lead',
          'ca.assigned_at',
          'u.display_name_ar',
          'u.display_name_en',
        ])
        .where('ca.case_id', '=', file.id)
        .where('ca.ended_at', 'is', null)
        .execute(),
      db
        .selectFrom('parties as p')
        .innerJoin('persons as pe', 'pe.id', 'p.person_id')
        .select([
          'p.id',
          'p.person_id',
          'p.role',
          'p.relationship_to_accused',
          'p.age_at_offence',
          'p.age_status',
          'p.address_confidential',
          'pe.first_name_ar',
          'pe.father_name_ar',
          'pe.grandfather_name_ar',
          'pe.family_name_ar',
          'pe.name_latin',
          'pe.sex',
          'pe.date_of_birth',
        ])
        .where('p.case_id', '=', file.id)
        .orderBy('p.added_at')
        .execute(),
      db
        .selectFrom('charges as ch')
        .innerJoin('offences as o', 'o.id', 'ch.offence_id')
        .select([
          'ch.id',
          'ch.party_id',
          'ch.disposition',
          'ch.custodial_months',
          'ch.fine_amount',
          'ch.incident_date',
          'o.code as offence_code',
          'o.title_ar',
          'o.title_en',
          'o.offence_class',
          'o.law_ar',
          'o.article',
        ])
        .where('ch.case_id', '=', file.id)
        .orderBy('ch.created_at')
        .execute(),
      db
        .selectFrom('detentions')
        .selectAll()
        .where('case_id', '=', file.id)
        .orderBy('arrested_at')
        .execute(),
      db
        .selectFrom('detention_orders as o')
        .innerJoin('detentions as d', 'd.id', 'o.detention_id')
        .selectAll('o')
        .where('d.case_id', '=', file.id)
        .orderBy('o.issued_at')
        .execute(),
      db
        .selectFrom('hearings')
        .selectAll()
        .where('case_id', '=', file.id)
        .orderBy('starts_at')
        .execute(),
      db
        .selectFrom('hearing_judges as hj')
        .innerJoin('hearings as h', 'h.id', 'hj.hearing_id')
        .innerJoin('users as u', 'u.id', 'hj.judge_id')
        .select(['hj.hearing_id', 'hj.judge_id', 'u.display_name_ar', 'u.display_name_en'])
        .where('h.case_id', '=', file.id)
        .execute(),
      db
        .selectFrom('deadlines')
        .selectAll()
        .where('case_id', '=', file.id)
        .where('completed_at', 'is', null)
        .orderBy('due_at')
        .execute(),
      db
        .selectFrom('institutions')
        .select(['id', 'code', 'name_ar', 'name_en', 'kind'])
        .where('id', '=', file.institution_id)
        .executeTakeFirstOrThrow(),
    ]);
  return { team, parties, charges, detentions, orders, hearings, judges, deadlines, institution };
}

/**
 * The other files of the matter. A file the user may not open is still listed (the chain must be
 * visible end to end) but only by type, institution and state, never by its content.
 */
async function visibleMatterFiles(ctx: UseCaseContext, file: CaseRow) {
  const rows = await ctx.db
    .selectFrom('cases as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select([
      'c.id',
      'c.case_type',
      'c.state',
      'c.reference',
      'c.intake_status',
      'c.institution_id',
      'c.unit_id',
      'c.confidentiality',
      'i.name_ar',
      'i.name_en',
      'c.opened_at',
    ])
    .where('c.matter_id', '=', file.matter_id)
    .where('c.id', '<>', file.id)
    .orderBy('c.opened_at')
    .execute();
  const result = [];
  for (const row of rows) {
    const decision = decideCaseAccess(
      ctx.actor,
      {
        id: row.id,
        institutionId: row.institution_id,
        unitId: row.unit_id,
        confidentiality: row.confidentiality,
      },
      await teamRolesOf(ctx.db, row.id, ctx.actor.userId),
    );
    const canOpen = decision.allowed && !decision.isBreakGlass;
    result.push({
      id: canOpen ? row.id : null,
      caseType: row.case_type,
      state: row.state,
      reference: canOpen ? row.reference : null,
      intakeStatus: row.intake_status,
      institution: { id: row.institution_id, nameAr: row.name_ar, nameEn: row.name_en },
      openedAt: row.opened_at,
      canOpen,
    });
  }
  return result;
}

export interface CaseListFilter {
  caseType?: string | undefined;
  state?: string | undefined;
  institutionId?: string | undefined;
  reference?: string | undefined;
  limit: number;
  offset: number;
}

/** Files the actor may open, filtered in SQL by the same rule as opening one. */
export async function listCases(
  ctx: UseCaseContext,
  filter: CaseListFilter,
  intake: 'accepted' | 'pending' = 'accepted',
) {
  let query = ctx.db
    .selectFrom('cases as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .where('c.intake_status', '=', intake)
    .where(visibleCasesCondition(ctx.actor));
  if (filter.caseType) query = query.where('c.case_type', '=', filter.caseType);
  if (filter.state) query = query.where('c.state', '=', filter.state);
  if (filter.institutionId) query = query.where('c.institution_id', '=', filter.institutionId);
  if (filter.reference)
    query = query.where(
      'c.reference',
      'ilike',
      `%${filter.reference.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    );
  const [rows, count] = await Promise.all([
    query
      .selectAll('c')
      .orderBy('c.opened_at', 'desc')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/**
 * The inbox: files referred to the actor's institutions and not yet accepted, each with the
 * institution that sent it, so that the receiver can tell the files apart before opening them.
 */
export async function listInbox(ctx: UseCaseContext, filter: CaseListFilter) {
  const { rows, total } = await listCases(ctx, filter, 'pending');
  const ids = rows.map((row) => row.id);
  const senders =
    ids.length === 0
      ? []
      : await ctx.db
          .selectFrom('case_links as l')
          .innerJoin('cases as f', 'f.id', 'l.from_case_id')
          .innerJoin('institutions as i', 'i.id', 'f.institution_id')
          .select(['l.to_case_id', 'i.id', 'i.code', 'i.name_ar', 'i.name_en'])
          .where('l.to_case_id', 'in', ids)
          .execute();
  const senderOf = new Map(senders.map((sender) => [sender.to_case_id, sender]));
  return { rows, total, senderOf };
}
