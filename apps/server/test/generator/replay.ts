/**
 * Replays stored files through the domain's workflow engine, independently of the generator: the
 * facts of each event are rebuilt from the stored rows as they stood just before it (parties and
 * charges already added, detentions and hearings as they were, deadlines then open, events then
 * recorded on the file and its matter), then `decideEvent` must accept the stored event with its
 * stored payload, from the stored state before to the stored state after.
 */
import {
  caseTypeDefinition,
  decideEvent,
  type CaseFacts,
  type ChargeDisposition,
  type MediationStatus,
  type Role,
} from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { partyFact } from '../../src/cases/case-facts.repository';
import type { Database } from '../../src/db/schema';

const DECISIONS = new Set([
  'close_file',
  'indict',
  'record_mediation_fulfilled',
  'refer_to_child_protection',
  'record_judgment',
]);
const SYNTHETIC = new Set(['registered', 'received', 'accepted']);

export interface ReplayProblem {
  caseId: string;
  seq: number;
  event: string;
  problem: string;
}

type Payload = Record<string, unknown>;
const time = (value: Date | string) => new Date(value).getTime();

export async function replayMatters(
  db: Kysely<Database>,
  matterIds: readonly string[],
): Promise<{ events: number; problems: ReplayProblem[] }> {
  const files = await db
    .selectFrom('cases')
    .selectAll()
    .where('matter_id', 'in', [...matterIds])
    .execute();
  const ids = files.map((f) => f.id);
  const [events, parties, charges, detentions, orders, hearings, deadlines, team] =
    await Promise.all([
      db
        .selectFrom('case_events')
        .selectAll()
        .where('case_id', 'in', ids)
        .orderBy('case_id')
        .orderBy('seq')
        .execute(),
      db
        .selectFrom('parties as p')
        .innerJoin('persons as pe', 'pe.id', 'p.person_id')
        .select([
          'p.id',
          'p.case_id',
          'p.person_id',
          'p.role',
          'p.age_status',
          'p.relationship_to_accused',
          'p.added_at',
          'pe.date_of_birth',
          'pe.sex',
        ])
        .where('p.case_id', 'in', ids)
        .execute(),
      db
        .selectFrom('charges as c')
        .innerJoin('offences as o', 'o.id', 'c.offence_id')
        .select([
          'c.id',
          'c.case_id',
          'c.party_id',
          'c.disposition',
          'c.source_charge_id',
          'c.created_at',
          'o.offence_class',
        ])
        .where('c.case_id', 'in', ids)
        .execute(),
      db.selectFrom('detentions').selectAll().where('case_id', 'in', ids).execute(),
      db
        .selectFrom('detention_orders as o')
        .innerJoin('detentions as d', 'd.id', 'o.detention_id')
        .select(['o.detention_id', 'o.issued_at', 'o.expires_at'])
        .where('d.case_id', 'in', ids)
        .execute(),
      db.selectFrom('hearings').selectAll().where('case_id', 'in', ids).execute(),
      db.selectFrom('deadlines').selectAll().where('case_id', 'in', ids).execute(),
      db.selectFrom('case_assignments').selectAll().where('case_id', 'in', ids).execute(),
    ]);
  const actorIds = [...new Set(events.flatMap((e) => (e.actor_user_id ? [e.actor_user_id] : [])))];
  const grants =
    actorIds.length === 0
      ? []
      : await db
          .selectFrom('role_assignments')
          .selectAll()
          .where('user_id', 'in', actorIds)
          .where('grant_kind', '=', 'standard')
          .execute();
  const byCase = <T extends { case_id: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.case_id, [...(map.get(row.case_id) ?? []), row]);
    return map;
  };
  const eventsOf = byCase(events);
  const problems: ReplayProblem[] = [];
  let checked = 0;

  for (const file of files) {
    const definition = caseTypeDefinition(file.case_type);
    const own = eventsOf.get(file.id) ?? [];
    const fail = (seq: number, event: string, problem: string) =>
      problems.push({ caseId: file.id, seq, event, problem });
    if (!definition) {
      fail(0, '', `unknown case type ${file.case_type}`);
      continue;
    }
    if (own.length !== file.version)
      fail(0, '', `version ${file.version} but ${own.length} events`);
    const matterEvents = events.filter(
      (e) => files.find((f) => f.id === e.case_id)?.matter_id === file.matter_id,
    );
    const received = own.find((e) => e.event_type === 'received');
    const link = received ? ((received.payload as Payload).link as string) : null;
    const decidedAt = own.find((e) => DECISIONS.has(e.event_type))?.occurred_at;
    const fileCharges = charges.filter((c) => c.case_id === file.id);
    const fileDetentions = detentions.filter((d) => d.case_id === file.id);
    const fileHearings = hearings.filter((h) => h.case_id === file.id);
    let state: string | null = null;

    for (const e of own) {
      const t = time(e.occurred_at);
      if (e.seq !== own.indexOf(e) + 1) fail(e.seq, e.event_type, 'seq is not the version');
      if (SYNTHETIC.has(e.event_type)) {
        const expected = e.event_type === 'accepted' ? state : null;
        if (e.state_before !== expected)
          fail(e.seq, e.event_type, `state_before ${e.state_before} ≠ ${expected}`);
        if (e.event_type !== 'accepted' && e.state_after !== definition.initialState)
          fail(e.seq, e.event_type, 'not the initial state');
        state = e.state_after;
        continue;
      }
      checked += 1;
      const before = (at: Date | string | null) => at !== null && time(at) < t;
      const disposition = (c: (typeof fileCharges)[number]): ChargeDisposition => {
        if (decidedAt && time(decidedAt) < t) return c.disposition;
        if (!c.source_charge_id || link === 'transfer') return 'pending';
        return link === 'execution' ? c.disposition : 'indicted';
      };
      const releaseOf = (id: string) =>
        own.find((x) => x.event_type === 'release' && (x.payload as Payload).detentionId === id);
      const closingOf = (id: string) =>
        own.find(
          (x) =>
            (x.event_type === 'adjourn_hearing' || x.event_type === 'hold_hearing') &&
            (x.payload as Payload).hearingId === id,
        ) ?? own.find((x) => x.event_type === 'record_judgment');
      const mediation = (events: typeof own): MediationStatus | null => {
        let status: MediationStatus | null = null;
        for (const x of events) {
          const params = caseTypeDefinition(files.find((f) => f.id === x.case_id)?.case_type ?? '')
            ?.events[x.event_type];
          if (params?.action === 'mediation.record' && time(x.occurred_at) < t)
            status = params.actionParams?.status as MediationStatus;
        }
        return status;
      };
      const ownMediation = mediation(own);
      const others = files
        .filter((f) => f.matter_id === file.matter_id && f.id !== file.id)
        .map((f) => mediation(eventsOf.get(f.id) ?? []))
        .filter((s) => s !== null);
      const roles = new Set<Role>();
      for (const g of grants) {
        if (g.user_id === e.actor_user_id && time(g.valid_from) <= t) roles.add(g.role);
      }
      const onTeam = team.some(
        (a) =>
          a.case_id === file.id &&
          a.user_id === e.actor_user_id &&
          time(a.assigned_at) <= t &&
          (!a.ended_at || time(a.ended_at) >= t),
      );
      const atInstitution = grants.some(
        (g) => g.user_id === e.actor_user_id && g.institution_id === file.institution_id,
      );
      if (!onTeam && !atInstitution)
        fail(e.seq, e.event_type, 'the actor is neither on the team nor at the institution');
      const facts: CaseFacts = {
        caseType: file.case_type,
        state: state ?? '',
        now: new Date(t),
        actorRoles: [...roles],
        incidentDate: file.incident_date,
        parties: parties
          .filter((p) => p.case_id === file.id && time(p.added_at) < t)
          .map(partyFact),
        charges: fileCharges
          .filter((c) => time(c.created_at) < t)
          .map((c) => ({
            id: c.id,
            partyId: c.party_id,
            offenceClass: c.offence_class,
            disposition: disposition(c),
          })),
        detentions: fileDetentions
          .filter((d) => {
            const arrest = own.find(
              (x) =>
                x.event_type === 'arrest' &&
                time((x.payload as Payload).arrestedAt as string) === time(d.arrested_at),
            );
            return arrest !== undefined && time(arrest.occurred_at) < t;
          })
          .map((d) => {
            const release = releaseOf(d.id);
            const expiries = orders
              .filter((o) => o.detention_id === d.id && before(o.issued_at))
              .map((o) => time(o.expires_at));
            return {
              id: d.id,
              partyId: d.party_id,
              isOpen: !release || time(release.occurred_at) >= t,
              currentExpiry: expiries.length > 0 ? new Date(Math.max(...expiries)) : null,
            };
          }),
        hearings: fileHearings
          .filter((h) => before(h.created_at))
          .map((h) => {
            const closing = closingOf(h.id);
            const closed =
              h.status !== 'scheduled' && closing !== undefined && time(closing.occurred_at) < t;
            return {
              id: h.id,
              status: closed ? h.status : 'scheduled',
              startsAt: new Date(h.starts_at),
            };
          }),
        openDeadlines: deadlines
          .filter(
            (d) =>
              d.case_id === file.id &&
              before(d.created_at) &&
              (!d.completed_at || time(d.completed_at) >= t),
          )
          .map((d) => ({ name: d.name, dueAt: new Date(d.due_at) })),
        isJuvenileFile: file.is_juvenile,
        isFamilyProtection: file.is_family_protection,
        gbvType: own.some((x) => x.event_type === 'classify_gbv' && time(x.occurred_at) < t)
          ? file.gbv_type
          : null,
        mediationStatus: ownMediation ?? others.at(-1) ?? null,
        recordedEvents: [...new Set(own.filter((x) => x.seq < e.seq).map((x) => x.event_type))],
        matterRecordedEvents: [
          ...new Set(
            matterEvents
              .filter((x) => time(x.occurred_at) < t || (x.case_id === file.id && x.seq < e.seq))
              .map((x) => x.event_type),
          ),
        ],
      };
      const decision = decideEvent(definition, facts, e.event_type, e.payload);
      if (!decision.ok) {
        fail(e.seq, e.event_type, JSON.stringify(decision));
      } else {
        if (decision.stateBefore !== e.state_before)
          fail(e.seq, e.event_type, `state_before ${e.state_before} ≠ ${decision.stateBefore}`);
        if (decision.stateAfter !== e.state_after)
          fail(e.seq, e.event_type, `state_after ${e.state_after} ≠ ${decision.stateAfter}`);
      }
      state = e.state_after;
    }
    if (state !== file.state)
      fail(own.length, '', `final state ${file.state} but the events end in ${state}`);
  }
  return { events: checked, problems };
}
