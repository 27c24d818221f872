/**
 * Property-based tests of the case types through the real API and database: random sequences of
 * events, with valid or junk payloads, fired by actors with various roles on a fresh file per run.
 * After every step: the file is in a state of its definition, its version is 1 + the accepted
 * events, case_events holds exactly seq 1..version, the server refused exactly what the definition
 * refuses (state, role, payload), and a refused request changed nothing at all.
 */
import {
  ACTION_FIELDS,
  availableEvents,
  emptyFacts,
  caseTypeDefinition,
  eventsAllowedInState,
  type CaseTypeDefinition,
  type Role,
} from '@qadiya/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { buildOffence, buildPerson } from '../support/cases';
import { buildInstitution, signedInUser } from '../support/factories';
import { call, deliverReferralsFrom, LONG_AGO, type Headers } from './case-api-kit';
import { arbitraryFor, BASE, fitToFile, junkFor } from './payload-arbitrary';

const RUNS_PER_TYPE = 15;
const MAX_STEPS = 12;
const UNKNOWN_EVENTS = ['fly_to_the_moon', '__proto__', 'toString', 'Indict'];

interface Actor {
  name: string;
  roles: Role[];
  headers: Headers;
}

interface World {
  definition: CaseTypeDefinition;
  registrar: Actor;
  registration: Record<string, unknown>;
  actors: Actor[];
  /** Ids that exist whatever the file, by the payload field that names them. */
  ids: Record<string, string[]>;
}

interface Step {
  actor: number;
  mode: 'guided' | 'named' | 'unknown' | 'stale';
  index: number;
  /** Guided: prefer an event that moves the file to another state. */
  moveOn: boolean;
  valid: boolean;
  picks: number[];
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  actor: fc.nat({ max: 99 }),
  mode: fc.oneof(
    { weight: 12, arbitrary: fc.constant('guided' as const) },
    { weight: 4, arbitrary: fc.constant('named' as const) },
    { weight: 1, arbitrary: fc.constant('unknown' as const) },
    { weight: 1, arbitrary: fc.constant('stale' as const) },
  ),
  index: fc.nat({ max: 99 }),
  moveOn: fc.boolean(),
  valid: fc.oneof(
    { weight: 6, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  picks: fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 4 }),
});

// Builders for fc.gen(): small arguments, so that a run replays and shrinks.
const validPayload = (caseType: string, event: string) =>
  arbitraryFor(caseTypeDefinition(caseType)!.events[event]!.payload);
const junkPayload = (caseType: string, event: string) =>
  junkFor(caseTypeDefinition(caseType)!.events[event]!);
const anyPayload = () => fc.anything({ maxDepth: 1 });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the file holds, in one query: compared whole before and after a refused request. */
async function fileState(t: TestApp, caseId: string) {
  const { rows } = await sql<{
    state: string;
    version: number;
    intake_status: string;
    is_disposed: boolean;
    updated_at: Date;
    seqs: number[];
    parties: { id: string; role: string }[];
    charges: { id: string; partyId: string; disposition: string }[];
    detentions: { id: string; open: boolean }[];
    orders: number;
    hearings: { id: string; status: string }[];
    deadlines: { id: string; done: boolean; assignee: string | null }[];
    outbox: number;
    assignments: { user: string; ended: string | null }[];
    links: number;
  }>`
    select c.state, c.version, c.intake_status, c.is_disposed, c.updated_at,
      (select coalesce(json_agg(e.seq order by e.seq), '[]') from case_events e
        where e.case_id = c.id) as seqs,
      (select coalesce(json_agg(json_build_object('id', p.id, 'role', p.role) order by p.id), '[]')
        from parties p where p.case_id = c.id) as parties,
      (select coalesce(json_agg(json_build_object('id', ch.id, 'partyId', ch.party_id,
          'disposition', ch.disposition) order by ch.id), '[]')
        from charges ch where ch.case_id = c.id) as charges,
      (select coalesce(json_agg(json_build_object('id', d.id, 'open', d.released_at is null)
          order by d.id), '[]')
        from detentions d where d.case_id = c.id) as detentions,
      (select count(*)::int from detention_orders o join detentions d on d.id = o.detention_id
        where d.case_id = c.id) as orders,
      (select coalesce(json_agg(json_build_object('id', h.id, 'status', h.status) order by h.id),
          '[]')
        from hearings h where h.case_id = c.id) as hearings,
      (select coalesce(json_agg(json_build_object('id', dl.id, 'done', dl.completed_at is not null,
          'assignee', dl.assignee_user_id) order by dl.id), '[]')
        from deadlines dl where dl.case_id = c.id) as deadlines,
      (select count(*)::int from outbox m where m.payload->>'fromCaseId' = c.id::text) as outbox,
      (select coalesce(json_agg(json_build_object('user', a.user_id, 'ended', a.ended_at)
          order by a.assigned_at, a.user_id), '[]')
        from case_assignments a where a.case_id = c.id) as assignments,
      (select count(*)::int from case_links l where l.from_case_id = c.id) as links
    from cases c where c.id = ${caseId}
  `.execute(t.handle.db);
  const row = rows[0];
  if (!row) throw new Error(`no file ${caseId}`);
  return row;
}
type FileState = Awaited<ReturnType<typeof fileState>>;

/**
 * The refusal the definition prescribes before any guard or action has its say, or null when the
 * request reaches the guards (which then accept it, or refuse it with their own code).
 */
function prescribed(
  definition: CaseTypeDefinition,
  state: string,
  roles: readonly Role[],
  event: string,
  payload: unknown,
  isStale: boolean,
): { status: number; codes: string[] } | null {
  const json = JSON.stringify(payload) ?? '';
  if (!isPlainObject(payload) || /"(__proto__|constructor)":/.test(json)) {
    return { status: 400, codes: ['VALIDATION_FAILED', 'MALFORMED_JSON'] };
  }
  if (!Object.hasOwn(definition.events, event)) {
    return { status: 400, codes: ['VALIDATION_FAILED'] };
  }
  if (isStale) return { status: 409, codes: ['STALE_VERSION'] };
  const declared = definition.events[event]!;
  if (!declared.from.includes(state)) return { status: 409, codes: ['EVENT_NOT_ALLOWED'] };
  if (!declared.roles.some((role) => roles.includes(role))) {
    return { status: 403, codes: ['ROLE_NOT_PERMITTED'] };
  }
  // The field the event's action writes needs a role that may write it (the type's field rights).
  const field = declared.action ? ACTION_FIELDS[declared.action] : undefined;
  const writers = field ? definition.fields[field]?.write : undefined;
  if (writers && !writers.some((role) => roles.includes(role))) {
    return { status: 403, codes: ['ROLE_NOT_PERMITTED'] };
  }
  if (!Value.Check(declared.payload, payload)) return { status: 400, codes: ['VALIDATION_FAILED'] };
  return null;
}

describe('random event sequences through the API', () => {
  let t: TestApp;
  const worlds: Record<string, World> = {};

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    const actor = async (name: string, role: Role, institutionId: string): Promise<Actor> => {
      const { headers } = await signedInUser(db, {
        institutionId,
        grants: [{ role, institutionId, validFrom: LONG_AGO }],
      });
      return { name, roles: [role], headers };
    };
    const persons = [];
    for (let i = 0; i < 3; i++) persons.push((await buildPerson(db)).id);

    // A police report, referred to a prosecution office.
    const police = await buildInstitution(db, { kind: 'police_unit' });
    const receiving = await buildInstitution(db, { kind: 'prosecution_office' });
    const investigator = await actor('investigator', 'police_investigator', police.id);
    worlds.police_report = {
      definition: caseTypeDefinition('police_report')!,
      registrar: investigator,
      registration: { caseType: 'police_report', institutionId: police.id },
      actors: [
        investigator,
        await actor('investigator2', 'police_investigator', police.id),
        await actor('prosecutor', 'prosecutor', police.id),
        await actor('lawyer', 'lawyer', police.id),
      ],
      ids: { personId: persons, prosecutionOfficeId: [receiving.id, police.id] },
    };

    // A prosecution file: indicted to a magistrate or first-instance court, or transferred.
    const office = await buildInstitution(db, { kind: 'prosecution_office', units: ['general'] });
    const otherOffice = await buildInstitution(db, { kind: 'prosecution_office' });
    const magistrate = await buildInstitution(db, { kind: 'court', courtLevel: 'magistrate' });
    const firstInstance = await buildInstitution(db, {
      kind: 'court',
      courtLevel: 'first_instance',
    });
    const prosecutorUsers = [];
    for (let i = 0; i < 2; i++) {
      const signed = await signedInUser(db, {
        institutionId: office.id,
        grants: [{ role: 'prosecutor', institutionId: office.id, validFrom: LONG_AGO }],
      });
      prosecutorUsers.push(signed);
    }
    const chief = await signedInUser(db, {
      institutionId: office.id,
      grants: [{ role: 'chief_prosecutor', institutionId: office.id, validFrom: LONG_AGO }],
    });
    const prosecutors: Actor[] = prosecutorUsers.map((p, i) => ({
      name: `prosecutor${i + 1}`,
      roles: ['prosecutor'],
      headers: p.headers,
    }));
    worlds.prosecution_file = {
      definition: caseTypeDefinition('prosecution_file')!,
      registrar: prosecutors[0]!,
      registration: {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: office.units[0]!.id,
      },
      actors: [
        ...prosecutors,
        { name: 'chief', roles: ['chief_prosecutor'], headers: chief.headers },
        await actor('investigator', 'police_investigator', office.id),
        await actor('lawyer', 'lawyer', office.id),
      ],
      ids: {
        personId: persons,
        offenceId: [
          (await buildOffence(db, 'felony')).id,
          (await buildOffence(db, 'misdemeanour')).id,
        ],
        courtId: [magistrate.id, firstInstance.id],
        prosecutionOfficeId: [otherOffice.id, office.id],
        userId: [...prosecutorUsers.map((p) => p.user.id), chief.user.id],
      },
    };

    // A civil claim at a court with two judges.
    const court = await buildInstitution(db, { kind: 'court' });
    const judgeUsers = [];
    for (let i = 0; i < 2; i++) {
      judgeUsers.push(
        await signedInUser(db, {
          institutionId: court.id,
          grants: [{ role: 'judge', institutionId: court.id, validFrom: LONG_AGO }],
        }),
      );
    }
    const clerk = await actor('clerk', 'court_clerk', court.id);
    worlds.civil_claim = {
      definition: caseTypeDefinition('civil_claim')!,
      registrar: clerk,
      registration: { caseType: 'civil_claim', institutionId: court.id },
      actors: [
        clerk,
        ...judgeUsers.map((j, i): Actor => ({
          name: `judge${i + 1}`,
          roles: ['judge'],
          headers: j.headers,
        })),
        await actor('lawyer', 'lawyer', court.id),
        await actor('prosecutor', 'prosecutor', court.id),
      ],
      ids: { personId: persons, judgeIds: judgeUsers.map((j) => j.user.id) },
    };
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
  });

  /** The ids a payload may name on this file now, by field. */
  function fileIds(world: World, file: FileState): Record<string, string[]> {
    const accused = file.parties.filter((p) => p.role === 'accused').map((p) => p.id);
    const parties = file.parties.map((p) => p.id);
    return {
      ...world.ids,
      // Mostly the accused (charges, arrests, questioning), sometimes anyone.
      partyId: [...accused, ...accused, ...parties],
      summonedPartyIds: parties,
      detentionId: [
        ...file.detentions.filter((d) => d.open).map((d) => d.id),
        ...file.detentions.map((d) => d.id),
      ],
      hearingId: [
        ...file.hearings.filter((h) => h.status === 'scheduled').map((h) => h.id),
        ...file.hearings.map((h) => h.id),
      ],
      chargeIds: file.charges.filter((c) => c.disposition === 'pending').map((c) => c.id),
    };
  }

  describe.each(['police_report', 'prosecution_file', 'civil_claim'])('a %s', (caseType) => {
    it('stays in its definition, counts versions exactly, and a refusal changes nothing', async () => {
      const world = worlds[caseType]!;
      const { definition } = world;
      const eventNames = Object.keys(definition.events);
      const working = world.actors.filter((a) =>
        Object.values(definition.events).some((e) => e.roles.some((r) => a.roles.includes(r))),
      );
      const visited = new Set<string>();
      const statuses = new Map<number, number>();

      await fc.assert(
        fc.asyncProperty(
          fc.array(stepArbitrary, { minLength: 1, maxLength: MAX_STEPS }),
          fc.gen(),
          async (steps, generate) => {
            const registered = await call(t, world.registrar.headers, 'POST', '/cases', {
              ...world.registration,
            });
            expect(registered.status).toBe(201);
            const id = registered.body.id as string;
            let accepted = 0;
            const trace: string[] = [`registered ${id}`];
            try {
              for (const step of steps) {
                const before = await fileState(t, id);
                visited.add(before.state);
                // Nothing is available in a final state: named steps still try, guided ones stop.
                if (step.mode === 'guided' && definition.states[before.state]?.isFinal) continue;
                const actor =
                  step.mode === 'guided'
                    ? working[step.actor % working.length]!
                    : world.actors[step.actor % world.actors.length]!;

                let event: string;
                if (step.mode === 'unknown') {
                  event = UNKNOWN_EVENTS[step.index % UNKNOWN_EVENTS.length]!;
                } else if (step.mode === 'guided') {
                  const available = availableEvents(definition, {
                    ...emptyFacts(caseType, before.state, t.clock.now()),
                    actorRoles: actor.roles,
                  });
                  const preferred = available.filter((name) => {
                    const to = definition.events[name]!.to;
                    return step.moveOn ? to !== undefined && to !== before.state : to === undefined;
                  });
                  const choices =
                    preferred.length > 0
                      ? preferred
                      : available.length > 0
                        ? available
                        : eventNames;
                  event = choices[step.index % choices.length]!;
                } else {
                  event = eventNames[step.index % eventNames.length]!;
                }

                let payload: unknown;
                if (!Object.hasOwn(definition.events, event)) {
                  payload = generate(anyPayload);
                } else if (step.valid) {
                  payload = fitToFile(
                    definition.events[event]!.payload,
                    generate(validPayload, caseType, event),
                    {
                      deltaMs: t.clock.now().getTime() - BASE,
                      ids: fileIds(world, before),
                      picks: step.picks,
                      cursor: 0,
                    },
                  );
                } else {
                  payload = generate(junkPayload, caseType, event);
                }
                // What goes over the wire (undefined fields drop out, -0 becomes 0, …).
                const sent: unknown =
                  payload === undefined ? undefined : JSON.parse(JSON.stringify(payload));
                const isStale = step.mode === 'stale';
                const version = isStale ? before.version + 1 + (step.index % 3) : before.version;

                // A file can become restricted on the way (a juvenile accused, a family victim):
                // then only its team and the restricted readers may act on it at all.
                const mayOpen =
                  (await call(t, actor.headers, 'GET', `/cases/${id}`)).status === 200;
                const response = await call(t, actor.headers, 'POST', `/cases/${id}/events`, {
                  event,
                  version,
                  payload: sent,
                });
                const after = await fileState(t, id);
                const code = response.body?.error?.code as string | undefined;
                statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
                trace.push(
                  `${actor.name} fires ${event} at v${version} with ${JSON.stringify(sent)}` +
                    ` → ${response.status} ${code ?? after.state}`,
                );
                const must = (condition: boolean, what: string) => {
                  if (!condition) {
                    throw new Error(
                      `${what}\n  response: ${JSON.stringify(response.body).slice(0, 600)}` +
                        `\n  ${trace.join('\n  ')}`,
                    );
                  }
                };

                const byDefinition = prescribed(
                  definition,
                  before.state,
                  actor.roles,
                  event,
                  sent,
                  isStale,
                );
                // A malformed body (not an object) is refused before anything; then access, before
                // anything the definition says.
                const malformedBody = byDefinition?.codes.includes('MALFORMED_JSON') === true;
                const rule =
                  !mayOpen && !malformedBody ? { status: 403, codes: ['FORBIDDEN'] } : byDefinition;
                if (response.status === 200) {
                  accepted += 1;
                  must(
                    rule === null,
                    `accepted, but the definition refuses it: ${JSON.stringify(rule)}`,
                  );
                  const declared = definition.events[event]!;
                  must(
                    after.state === (declared.to ?? before.state),
                    `moved to ${after.state}, not to the event's to-state`,
                  );
                  must(after.version === before.version + 1, 'the version did not grow by one');
                  must(
                    response.body.state === after.state && response.body.version === after.version,
                    'the response does not show the stored file',
                  );
                } else {
                  must(
                    JSON.stringify(after) === JSON.stringify(before),
                    `a refused request changed the file:\n  before ${JSON.stringify(before)}\n  after  ${JSON.stringify(after)}`,
                  );
                  if (rule) {
                    must(
                      response.status === rule.status && rule.codes.includes(code ?? ''),
                      `expected ${rule.status} ${rule.codes.join('|')}`,
                    );
                  } else {
                    // Refused by a guard (409 with the rule's own code) or by an action.
                    must(
                      [400, 409].includes(response.status),
                      'a request the definition allows was refused with an unexpected status',
                    );
                    must(
                      !['STALE_VERSION', 'EVENT_NOT_ALLOWED', 'CASE_NOT_ACCEPTED'].includes(
                        code ?? '',
                      ),
                      'refused as if the state or version were wrong',
                    );
                  }
                  if (code === 'EVENT_NOT_ALLOWED') {
                    must(
                      JSON.stringify(response.body.error.details.allowedEvents) ===
                        JSON.stringify(eventsAllowedInState(definition, before.state)),
                      'allowedEvents differ from the definition',
                    );
                  }
                  if (response.status === 400 && code === 'VALIDATION_FAILED') {
                    const issues = (response.body.error.details.issues ?? []) as {
                      field: string;
                    }[];
                    must(issues.length > 0, 'a 400 that names no field');
                  }
                }
                must(
                  Object.hasOwn(definition.states, after.state),
                  `the file is in ${after.state}, a state its definition does not have`,
                );
                must(after.version === 1 + accepted, 'version is not 1 + accepted events');
                must(
                  JSON.stringify(after.seqs) ===
                    JSON.stringify(Array.from({ length: after.version }, (_, i) => i + 1)),
                  `case_events holds seq ${JSON.stringify(after.seqs)} for version ${after.version}`,
                );
                visited.add(after.state);
              }
            } finally {
              // A referral leaves a message: deliver it (one file per message), never leave it.
              const outbox = (await fileState(t, id)).outbox;
              const received = await deliverReferralsFrom(t.app.services, id);
              expect(received).toHaveLength(outbox);
            }
          },
        ),
        { numRuns: RUNS_PER_TYPE },
      );
      // The runs get somewhere: past the initial state, with accepted and refused requests.
      expect(visited.size).toBeGreaterThan(1);
      expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
      expect([...statuses.keys()].filter((s) => ![200, 400, 403, 409].includes(s))).toEqual([]);
    }, 120_000);
  });
});
