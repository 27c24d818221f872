/** Reading files: the case page, the timeline, lists and the inbox, all through the policy module. */
import { availableEvents, emptyFacts, type CaseTypeDefinition, type Role } from '@qadiya/domain';
import type { CaseRow } from '../db/schema';
import { accessSubjectOf, decideCaseAccess, visibleCasesCondition } from '../policy/case-access';
import type { UseCaseContext } from '../use-case-context';
import { openCase, requireCaseAccess } from './case-access';
import { loadCasePageRows, type MatterFileRow } from './case-page.repository';
import { listEvents } from './cases.repository';
import { definitionOf } from './fire-event';
import { juvenileParts } from './juvenile-page';
import { protectionParts } from './protection-page';

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

/**
 * The case page. Two statements besides authentication (and the audit row of a restricted read):
 * the file with the reader's roles in its team for the access check (openCase), then every part
 * of the page at once (case-page.repository.ts), read only once the policy module has allowed it.
 */
export async function getCase(ctx: UseCaseContext, caseId: string) {
  const { file, access } = await openCase(ctx, caseId, 'read');
  return casePageOf(ctx, file, access);
}

/**
 * The page of a file just changed by the actor (after an event), whose team roles were read after
 * the change: the access decision and its audit as for opening it, without reading the file again.
 */
export async function casePageAfterChange(
  ctx: UseCaseContext,
  file: CaseRow,
  teamRoles: readonly Role[],
) {
  return casePageOf(ctx, file, await requireCaseAccess(ctx, file, 'read', teamRoles));
}

async function casePageOf(ctx: UseCaseContext, file: CaseRow, access: { roles: Role[] }) {
  const definition = definitionOf(file);
  const rows = await loadCasePageRows(ctx.db, file, ctx.actor.userId);
  return {
    file,
    definition,
    roles: access.roles,
    availableEvents: eventsForActor(definition, file, access.roles),
    links: visibleMatterFiles(ctx, file, rows.matterFiles),
    juvenileParts: juvenileParts(file, rows),
    protectionParts: protectionParts(rows, ctx.clock.now()),
    // Victims of a family protection file are shown by initials to readers outside its team: the
    // team part holds every active assignment of the file, the reader's included if on it.
    isOnTeam: rows.team.some((member) => member.user_id === ctx.actor.userId),
    team: rows.team,
    parties: rows.parties,
    charges: rows.charges,
    detentions: rows.detentions,
    orders: rows.orders,
    hearings: rows.hearings,
    judges: rows.judges,
    deadlines: rows.deadlines,
    institution: rows.institution,
  };
}

export async function getTimeline(ctx: UseCaseContext, caseId: string) {
  const { file, access } = await openCase(ctx, caseId, 'read');
  const definition = definitionOf(file);
  return {
    file,
    definition,
    events: await listEvents(ctx.db, caseId),
    availableEvents: eventsForActor(definition, file, access.roles),
  };
}

/**
 * The other files of the matter. A file the user may not open is still listed (the chain must be
 * visible end to end) but only by type, institution and state, never by its content.
 */
function visibleMatterFiles(
  ctx: UseCaseContext,
  file: CaseRow,
  matterFiles: readonly MatterFileRow[],
) {
  return matterFiles
    .filter((row) => row.id !== file.id)
    .map((row) => {
      // The reader's roles in that file's team come with the row (team_roles), as teamRolesOf
      // would read them; the policy module decides as for opening the file.
      const decision = decideCaseAccess(ctx.actor, accessSubjectOf(row), row.team_roles);
      const canOpen = decision.allowed && !decision.isBreakGlass;
      return {
        id: canOpen ? row.id : null,
        caseType: row.case_type,
        state: row.state,
        reference: canOpen ? row.reference : null,
        intakeStatus: row.intake_status,
        institution: { id: row.institution_id, nameAr: row.name_ar, nameEn: row.name_en },
        openedAt: row.opened_at,
        canOpen,
      };
    });
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
