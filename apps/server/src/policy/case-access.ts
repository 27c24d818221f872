/**
 * Case access: the part of the policy module that decides who may see and act on a file, and the
 * same rule as a SQL condition for lists. Both are built from the actor's assignments, so a file
 * is in a user's list exactly when opening it would be allowed (a test checks this agreement).
 *
 * The rules (DESIGN.md "Authorization"):
 * - an excluded grant (recusal) for the file hides it, whatever else the user holds;
 * - the file's team (active case assignments) and specific grants for the file always see it;
 * - a standard grant at the file's institution (and unit, when the grant names one) sees normal
 *   files; for restricted files (juvenile, family protection) only the chief prosecutor's grant
 *   does, besides the team; sealed files only the team and specific grants;
 * - a file waiting in an institution's inbox (not sealed) is seen by those who may take it in there:
 *   the case type's accepting roles, through a standard grant at the institution (and unit). A
 *   juvenile file indicted to a court has to reach the court's clerks somehow; the clerk who accepts
 *   a restricted file joins its team (cases/intake/accept-case.ts), the others lose sight of it;
 * - a break-glass grant at the institution (or for the file) sees it, and every use is audited.
 */
import { CASE_TYPES, type Role } from '@qadiya/domain';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { ConfidentialityLevel, Database, IntakeStatus } from '../db/schema';
import type { Actor, ActiveAssignment } from './actor';

/** Roles that work on files. Admins, analysts and auditors never read file content through them. */
export const CASE_ROLES: readonly Role[] = [
  'police_investigator',
  'prosecutor',
  'chief_prosecutor',
  'judge',
  'court_clerk',
  'court_president',
  'child_protection_counsellor',
  'mediator',
  'lawyer',
  'correction_officer',
];

/** Roles whose institution grant also opens restricted files of their institution (and unit). */
const RESTRICTED_READERS: readonly Role[] = ['chief_prosecutor'];

export interface CaseAccessSubject {
  id: string;
  institutionId: string;
  unitId: string | null;
  confidentiality: ConfidentialityLevel;
  /** Given by callers that may meet inbox files: a pending file is seen by its acceptors. */
  intake?: { status: 'pending' | 'accepted' | 'returned'; caseType: string };
}

/** A file's row as the policy reads it (the columns every caller's query selects). */
export interface CaseAccessRow {
  id: string;
  institution_id: string;
  unit_id: string | null;
  confidentiality: ConfidentialityLevel;
}

/** The policy's view of a file row, for callers that list accepted files (searches, a matter). */
export function accessSubjectOf(row: CaseAccessRow): CaseAccessSubject {
  return {
    id: row.id,
    institutionId: row.institution_id,
    unitId: row.unit_id,
    confidentiality: row.confidentiality,
  };
}

/** The policy's view of a file being opened by its id, which may be waiting in an inbox. */
export function openedSubjectOf(
  row: CaseAccessRow & { intake_status: IntakeStatus; case_type: string },
): CaseAccessSubject {
  return {
    ...accessSubjectOf(row),
    intake: { status: row.intake_status, caseType: row.case_type },
  };
}

/** The case types whose referred files a role takes in from the inbox. */
function typesAcceptedBy(role: Role): string[] {
  return CASE_TYPES.filter((d) => d.acceptingRoles.includes(role)).map((d) => d.caseType);
}

export type CaseAccessDecision =
  | { allowed: true; roles: Role[]; isBreakGlass: boolean; breakGlassAssignmentId: string | null }
  | { allowed: false; reason: string };

const isCaseRole = (a: ActiveAssignment) => CASE_ROLES.includes(a.role);
const coversUnit = (a: ActiveAssignment, unitId: string | null) =>
  a.unitId === null || a.unitId === unitId;

/**
 * May the actor see this file, and with which roles may they act on it? `teamRoles` are the roles
 * of the actor's active assignments to this file (case_assignments).
 */
export function decideCaseAccess(
  actor: Actor,
  file: CaseAccessSubject,
  teamRoles: readonly Role[],
): CaseAccessDecision {
  const grants = actor.assignments.filter(isCaseRole);
  if (actor.assignments.some((a) => a.grantKind === 'excluded' && a.caseId === file.id)) {
    return { allowed: false, reason: 'recused from this file' };
  }
  const roles = new Set<Role>(teamRoles);
  for (const a of grants) {
    if (a.grantKind === 'specific' && a.caseId === file.id) roles.add(a.role);
    if (
      a.grantKind !== 'standard' ||
      a.institutionId !== file.institutionId ||
      !coversUnit(a, file.unitId)
    )
      continue;
    if (file.confidentiality === 'normal') roles.add(a.role);
    else if (file.confidentiality === 'restricted' && RESTRICTED_READERS.includes(a.role))
      roles.add(a.role);
    else if (
      file.confidentiality === 'restricted' &&
      file.intake?.status === 'pending' &&
      typesAcceptedBy(a.role).includes(file.intake.caseType)
    )
      roles.add(a.role);
  }
  if (roles.size > 0)
    return { allowed: true, roles: [...roles], isBreakGlass: false, breakGlassAssignmentId: null };
  const breakGlass = grants.find(
    (a) =>
      a.grantKind === 'break_glass' &&
      a.institutionId === file.institutionId &&
      (a.caseId === null || a.caseId === file.id),
  );
  if (breakGlass) {
    return {
      allowed: true,
      roles: [breakGlass.role],
      isBreakGlass: true,
      breakGlassAssignmentId: breakGlass.id,
    };
  }
  return { allowed: false, reason: 'no assignment gives access to this file' };
}

/**
 * The same rule as a condition on `cases` (aliased `c`), for list queries. Break-glass grants are
 * left out of lists on purpose: emergency access is for opening one file, not for browsing.
 */
export function visibleCasesCondition(actor: Actor) {
  return (eb: ExpressionBuilder<Database & { c: Database['cases'] }, 'c'>): Expression<SqlBool> => {
    const grants = actor.assignments.filter(isCaseRole);
    const caseIdsOf = (kind: string, from: readonly ActiveAssignment[]) =>
      from.flatMap((a) => (a.grantKind === kind && a.caseId ? [a.caseId] : []));
    const excluded = caseIdsOf('excluded', actor.assignments);
    const specific = caseIdsOf('specific', grants);
    const institutionRules = grants
      .flatMap((a) =>
        a.grantKind === 'standard' && a.institutionId !== null
          ? [{ ...a, institutionId: a.institutionId }]
          : [],
      )
      .map((a) => {
        const levels: ConfidentialityLevel[] = RESTRICTED_READERS.includes(a.role)
          ? ['normal', 'restricted']
          : ['normal'];
        const accepted = typesAcceptedBy(a.role);
        const confidentiality =
          accepted.length > 0 && !levels.includes('restricted')
            ? eb.or([
                eb('c.confidentiality', 'in', levels),
                eb.and([
                  eb('c.confidentiality', '=', 'restricted'),
                  eb('c.intake_status', '=', 'pending'),
                  eb('c.case_type', 'in', accepted),
                ]),
              ])
            : eb('c.confidentiality', 'in', levels);
        return eb.and([
          eb('c.institution_id', '=', a.institutionId),
          ...(a.unitId ? [eb('c.unit_id', '=', a.unitId)] : []),
          confidentiality,
        ]);
      });
    const ways: Expression<SqlBool>[] = [
      // Correlated EXISTS, not `c.id IN (subquery)`: inside this OR PostgreSQL cannot make the IN a
      // semi-join and re-checks a hashed subplan on every row, scanning every file (596 ms on
      // 500,000 files); EXISTS is served by case_assignments (case_id, user_id) WHERE ended_at
      // IS NULL, one probe per candidate file (1.4 ms). docs/performance.md.
      eb.exists(
        eb
          .selectFrom('case_assignments as ca')
          .select(eb.lit(1).as('one'))
          .whereRef('ca.case_id', '=', 'c.id')
          .where('ca.user_id', '=', actor.userId)
          .where('ca.ended_at', 'is', null),
      ),
      ...(specific.length > 0 ? [eb('c.id', 'in', specific)] : []),
      ...institutionRules,
    ];
    const visible = eb.or(ways);
    return excluded.length > 0 ? eb.and([eb('c.id', 'not in', excluded), visible]) : visible;
  };
}

/**
 * May the actor register a file of a type at an institution (and unit)? They need one of the
 * type's registering roles through a standard grant there; a unit-bound grant covers its unit only.
 */
export function decideRegistration(
  actor: Actor,
  registeringRoles: readonly Role[],
  institutionId: string,
  unitId: string | null,
): { allowed: true; role: Role } | { allowed: false; reason: string } {
  const grant = actor.assignments.find(
    (a) =>
      a.grantKind === 'standard' &&
      registeringRoles.includes(a.role) &&
      a.institutionId === institutionId &&
      coversUnit(a, unitId),
  );
  return grant
    ? { allowed: true, role: grant.role }
    : {
        allowed: false,
        reason: `registering needs one of ${registeringRoles.join(', ')} at that institution`,
      };
}
