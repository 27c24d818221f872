/**
 * Start-up validation of case type definitions. A definition with a dangling state, an event out
 * of a final state, an unknown role or an unreachable state is a configuration bug: the server
 * refuses to start rather than run a workflow nobody can finish.
 */
import { ROLES, type Role } from '../organisation/roles';
import type { CaseTypeDefinition, Effect } from './types';

export function definitionProblems(
  definition: CaseTypeDefinition,
  knownCaseTypes: readonly string[] = [definition.caseType],
): string[] {
  const problems: string[] = [];
  const where = `case type ${definition.caseType}`;
  const states = new Set(Object.keys(definition.states));
  const checkRoles = (roles: readonly Role[], place: string) => {
    for (const role of roles)
      if (!ROLES.includes(role)) problems.push(`${where}: ${place} names unknown role ${role}`);
  };

  if (!/^[a-z][a-z_]{2,40}$/.test(definition.caseType))
    problems.push(`${where}: badly formed identifier`);
  if (!Number.isInteger(definition.version) || definition.version < 1)
    problems.push(`${where}: version must be ≥ 1`);
  if (!states.has(definition.initialState))
    problems.push(`${where}: initial state ${definition.initialState} is not a state`);
  if (definition.institutionKinds.length === 0) problems.push(`${where}: no institution keeps it`);
  checkRoles(definition.registeringRoles, 'registeringRoles');
  checkRoles(definition.acceptingRoles, 'acceptingRoles');

  const guardCodes = new Set<string>();
  const deadlineNames = new Set<string>();
  const completedNames: string[] = [];
  for (const [name, event] of Object.entries(definition.events)) {
    const at = `${where}, event ${name}`;
    if (event.from.length === 0) problems.push(`${at}: no from-state`);
    for (const from of event.from) {
      if (!states.has(from)) problems.push(`${at}: from-state ${from} is not a state`);
      else if (definition.states[from]?.isFinal) problems.push(`${at}: leaves final state ${from}`);
    }
    if (event.to !== undefined && !states.has(event.to))
      problems.push(`${at}: to-state ${event.to} is not a state`);
    if (event.roles.length === 0) problems.push(`${at}: no role may fire it`);
    checkRoles(event.roles, `event ${name}`);
    const payloadSchema = event.payload as { type?: unknown; properties?: Record<string, unknown> };
    if (payloadSchema.type !== 'object') problems.push(`${at}: payload schema must be an object`);
    for (const guard of event.guards ?? []) {
      if (!/^[A-Z][A-Z0-9_]+$/.test(guard.code))
        problems.push(`${at}: guard code ${guard.code} is not UPPER_SNAKE`);
      guardCodes.add(guard.code);
    }
    for (const effect of event.effects ?? [])
      problems.push(...effectProblems(effect, at, payloadSchema, knownCaseTypes));
    for (const effect of event.effects ?? []) {
      if (effect.kind === 'deadline') deadlineNames.add(effect.name);
      if (effect.kind === 'complete_deadlines') completedNames.push(...effect.names);
    }
  }
  for (const name of completedNames) {
    if (!deadlineNames.has(name))
      problems.push(`${where}: completes deadline ${name}, which no event creates`);
  }
  for (const [field, rights] of Object.entries(definition.fields)) {
    checkRoles(rights.read, `field ${field} read`);
    checkRoles(rights.write, `field ${field} write`);
  }
  problems.push(...reachabilityProblems(definition));
  return problems;
}

function effectProblems(
  effect: Effect,
  at: string,
  payload: { properties?: Record<string, unknown> },
  knownCaseTypes: readonly string[],
): string[] {
  const hasField = (field: string) => Object.hasOwn(payload.properties ?? {}, field);
  switch (effect.kind) {
    case 'refer':
      return [
        ...(knownCaseTypes.includes(effect.toCaseType)
          ? []
          : [`${at}: refers to unknown case type ${effect.toCaseType}`]),
        ...(hasField(effect.institutionField)
          ? []
          : [`${at}: payload has no field ${effect.institutionField}`]),
      ];
    case 'deadline':
      if (effect.due.kind === 'payload_date' && !hasField(effect.due.field)) {
        return [`${at}: deadline ${effect.name} reads missing payload field ${effect.due.field}`];
      }
      if (effect.assignee.kind === 'payload_user' && !hasField(effect.assignee.field)) {
        return [
          `${at}: deadline ${effect.name} is assigned to missing payload field ${effect.assignee.field}`,
        ];
      }
      return [];
    case 'complete_deadlines':
      return [];
  }
}

/** Every state is reachable from the initial state, and every non-final state has a way out. */
function reachabilityProblems(definition: CaseTypeDefinition): string[] {
  const problems: string[] = [];
  const reached = new Set([definition.initialState]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const event of Object.values(definition.events)) {
      if (event.to && !reached.has(event.to) && event.from.some((s) => reached.has(s))) {
        reached.add(event.to);
        grew = true;
      }
    }
  }
  for (const [state, info] of Object.entries(definition.states)) {
    if (!reached.has(state))
      problems.push(`case type ${definition.caseType}: state ${state} is unreachable`);
    const leaves = Object.values(definition.events).some(
      (e) => e.from.includes(state) && e.to && e.to !== state,
    );
    if (!info.isFinal && !leaves)
      problems.push(`case type ${definition.caseType}: state ${state} is a dead end`);
  }
  return problems;
}

export function assertValidDefinitions(definitions: readonly CaseTypeDefinition[]): void {
  const known = definitions.map((d) => d.caseType);
  const problems = definitions.flatMap((d) => definitionProblems(d, known));
  for (const source of definitions) {
    for (const event of Object.values(source.events)) {
      for (const effect of event.effects ?? []) {
        const target = definitions.find(
          (d) => d.caseType === (effect.kind === 'refer' ? effect.toCaseType : ''),
        );
        const problem = `case type ${target?.caseType ?? ''} receives referrals but no role may accept them`;
        if (target && target.acceptingRoles.length === 0 && !problems.includes(problem))
          problems.push(problem);
      }
    }
  }
  const duplicates = known.filter((name, i) => known.indexOf(name) !== i);
  for (const name of new Set(duplicates)) problems.push(`case type ${name} is defined twice`);
  if (problems.length > 0)
    throw new Error(`Invalid case type definitions:\n- ${problems.join('\n- ')}`);
}
