/**
 * Drives one matter's files through the workflow engine, as the server's use cases would:
 * registration (registerCase), referral delivery (the `case.refer` outbox handler), acceptance
 * from the inbox (acceptCase) and events (fireEvent). Every event is decided by the domain's
 * `decideEvent` against facts kept the way `loadCaseFacts` (cases/case-facts.repository.ts) reads
 * them; a refusal is a bug in the generator and stops the run. Accepted events change the
 * simulated rows through sim-actions.ts.
 *
 * The same code runs twice per matter. Planning (mode `plan`) skips the engine and writes
 * nothing; it only records when and where files are numbered, so that serials and rotation can be
 * settled in time order across all matters (numbering.ts). Execution replays the identical story
 * (same seeded draws) with those numbers and leads, through the engine, and emits the rows.
 */
import {
  caseTypeDefinition,
  decideEvent,
  isViolenceAgainstWomen,
  MEDIATION_STATUSES,
  type CaseFacts,
  type CaseTypeDefinition,
  type ConfidentialityLevel,
  type DetentionRules,
  type OffenceClass,
  type Role,
} from '@qadiya/domain';
import { MINUTE_MS, type LocalClock } from './calendar';
import type { HearingSlots } from './hearing-slots';
import type { IdFactory } from './ids';
import type { NumberingHook } from './numbering';
import type { Organisation, OrgInstitution } from './organisation';
import type { PersonsRegistry } from './persons';
import { Rng } from './random';
import { ts, type Row, type TableName } from './rows';
import { applyAction } from './sim-actions';
import { reclassifyFile } from './sim-classification';
import { applyEffects } from './sim-effects';
import { deliverReferral } from './sim-referral';
import {
  addTeamMember,
  assignLead,
  completeDeadlines,
  GeneratorBug,
  leadRoleFor,
  type ActionInput,
  type ActionServices,
} from './sim-team';
import { matterRows, type SimFile, type SimMatter } from './sim-model';

export interface RunContext {
  mode: 'plan' | 'execute';
  seed: string;
  /** request_id of generated events: tells generated rows apart, like the demo's `demo-seed`. */
  requestId: string;
  clock: LocalClock;
  org: Organisation;
  persons: PersonsRegistry;
  /** The catalogue by code (what a story charges) and by id (what an action reads). */
  offences: ReadonlyMap<string, OffenceInfo & { id: string }>;
  offencesById: ReadonlyMap<string, OffenceInfo>;
  /** Nothing happens at or after this instant: the history ends here. */
  asOf: number;
  juvenileRules: DetentionRules;
  numbering: NumberingHook;
  slots: HearingSlots;
  ids: IdFactory;
  emit(table: TableName, row: Row): void;
}

export interface OffenceInfo {
  offenceClass: OffenceClass;
  isGbvRelated: boolean;
  linksCybercrime: boolean;
}

export interface Actor {
  userId: string;
  role: Role;
}

const AGE_CHANGING = new Set(['party.add', 'charge.add']);

/** Thrown when a step would happen at or after `asOf`: the story stops there, files stay open. */
export class HistoryEnded extends Error {
  override name = 'HistoryEnded';
}

export class MatterRun {
  readonly rng: Rng;
  readonly matter: SimMatter;
  /** The file the last `refer` effect opened (for the story to continue with). */
  lastReferred: SimFile | null = null;
  private opened = 0;
  readonly services: ActionServices;

  constructor(
    readonly ctx: RunContext,
    key: number,
    incidentDate: string,
    private readonly cap: number,
  ) {
    this.rng = new Rng(ctx.seed, `matter:${key}`);
    this.matter = {
      id: ctx.ids.next('matter'),
      incidentDate,
      createdAt: 0,
      files: [],
      recorded: new Set(),
    };
    this.services = {
      ids: ctx.ids,
      clock: ctx.clock,
      juvenileRules: ctx.juvenileRules,
      person: (personId) => {
        // Generated person ids count persons from 1 (ids.ts).
        const index = Number.parseInt(personId.slice(-12), 16) - 1;
        return { dateOfBirth: ctx.persons.dateOfBirth(index), sex: ctx.persons.sexOf(index) };
      },
      offence: (offenceId) => {
        const found = ctx.offencesById.get(offenceId);
        if (!found) throw new GeneratorBug(`unknown offence ${offenceId}`);
        return found;
      },
      mediatorRole: (userId, at) =>
        ctx.org
          .rolesOf(userId, at)
          .find((r) =>
            ['child_protection_counsellor', 'mediator', 'police_investigator'].includes(r),
          ) ?? 'mediator',
      refer: (input, effect) => {
        this.lastReferred = deliverReferral(this, input, effect);
      },
    };
  }

  get filesOpened(): number {
    return this.opened;
  }

  canOpenFile(): boolean {
    return this.opened < this.cap;
  }

  alive(at: number): boolean {
    return at < this.ctx.asOf;
  }

  private ensureAlive(at: number): void {
    if (at >= this.ctx.asOf) throw new HistoryEnded();
  }

  personId(index: number): string {
    return this.ctx.ids.nth('person', index + 1);
  }

  /** registerCase: a new file of the matter, numbered and given its lead, with its first event. */
  register(input: {
    caseType: string;
    institution: OrgInstitution;
    unitId: string | null;
    at: number;
    actor: Actor;
    summary: string;
    confidentiality: ConfidentialityLevel;
  }): SimFile {
    this.ensureAlive(input.at);
    const definition = this.definition(input.caseType);
    const isPolice = input.institution.kind === 'police_unit';
    // registerCase makes the matter with the file it registers.
    if (this.matter.files.length === 0) this.matter.createdAt = input.at;
    const numbered = this.ctx.numbering.take({
      institution: input.institution,
      caseType: definition.caseType,
      referenceCode: definition.referenceCode,
      unitId: input.unitId,
      at: input.at,
      fixedLead: isPolice ? input.actor.userId : null,
      leadRole: isPolice ? null : (leadRoleFor(input.institution.kind) as Role | null),
    });
    const file = this.newFile(definition, input.institution, input.unitId, input.at, {
      intakeStatus: 'accepted',
      confidentiality: input.confidentiality,
      summary: input.summary,
      incidentDate: this.matter.incidentDate,
      referredFromId: null,
      createdByMessage: null,
      isJuvenile: false,
      isFamilyProtection: false,
      familyProtectionReasons: [],
      linksCybercrime: false,
      gbvType: null,
      gbv: { intimatePartner: false, childVictim: false, earlyMarriage: false },
    });
    Object.assign(file, {
      serial: numbered.serial,
      year: numbered.year,
      reference: numbered.reference,
    });
    this.event(file, 'registered', { summary: input.summary }, input.at, input.actor.userId, null);
    if (numbered.lead) {
      const role = isPolice
        ? input.actor.role
        : (leadRoleFor(input.institution.kind) ?? input.actor.role);
      assignLead(this.services, file, {
        userId: numbered.lead,
        role,
        by: input.actor.userId,
        now: input.at,
        reason: 'registration',
      });
    }
    return file;
  }

  /** acceptCase: numbers the file in the receiving register, assigns it, closes the intake task. */
  accept(file: SimFile, at: number, acceptor: Actor, unitId?: string | null): number {
    const now = Math.max(at, file.lastEventAt + MINUTE_MS);
    this.ensureAlive(now);
    if (unitId !== undefined) file.unitId = unitId;
    const leadRole = leadRoleFor(file.institution.kind) as Role | null;
    const numbered = this.ctx.numbering.take({
      institution: file.institution,
      caseType: file.definition.caseType,
      referenceCode: file.definition.referenceCode,
      unitId: file.unitId,
      at: now,
      fixedLead: null,
      leadRole,
    });
    Object.assign(file, {
      intakeStatus: 'accepted',
      serial: numbered.serial,
      year: numbered.year,
      reference: numbered.reference,
    });
    this.event(
      file,
      'accepted',
      { reference: numbered.reference, unitId: file.unitId },
      now,
      acceptor.userId,
      file.state,
    );
    if (numbered.lead && leadRole) {
      assignLead(this.services, file, {
        userId: numbered.lead,
        role: leadRole,
        by: acceptor.userId,
        now,
        reason: 'accepted from inbox',
      });
    }
    if (file.confidentiality !== 'normal' && numbered.lead !== acceptor.userId) {
      addTeamMember(this.services, file, {
        userId: acceptor.userId,
        role: acceptor.role,
        by: acceptor.userId,
        now,
        reason: 'accepted from inbox',
      });
    }
    completeDeadlines(file, now, (d) => d.name === 'accept_referral');
    return now;
  }

  /** fireEvent: the engine decides; the action, the juvenile status and the effects follow. */
  fire(
    file: SimFile,
    name: string,
    payload: Record<string, unknown>,
    at: number,
    actor: Actor,
  ): number {
    const now = Math.max(at, file.lastEventAt + MINUTE_MS);
    this.ensureAlive(now);
    const definition = file.definition;
    const event = definition.events[name];
    if (!event) throw new GeneratorBug(`no event ${name} on ${definition.caseType}`);
    if (this.ctx.mode === 'execute') {
      const decision = decideEvent(definition, this.facts(file, now, actor.role), name, payload);
      if (!decision.ok) {
        throw new GeneratorBug(
          `the engine refused ${name} on a ${definition.caseType} in state ${file.state}: ${JSON.stringify(decision)}`,
        );
      }
    }
    const stateAfter = event.to ?? file.state;
    const eventId = this.event(file, name, payload, now, actor.userId, file.state, stateAfter);
    const input: ActionInput = {
      file,
      payload,
      params: event.actionParams ?? {},
      now,
      eventId,
      actor,
    };
    if (event.action) {
      applyAction(this.services, event.action, input);
      if (AGE_CHANGING.has(event.action)) reclassifyFile(this.ctx.clock, file);
    }
    applyEffects(this.services, input, event.effects ?? [], (institution) => institution.calendar);
    if (definition.states[stateAfter]?.isDisposed && !file.isDisposed) {
      file.isDisposed = true;
      file.disposedAt = now;
    }
    file.state = stateAfter;
    return now;
  }

  /** Writes the matter's rows once nothing more will happen to it. */
  finish(): void {
    if (this.ctx.mode !== 'execute') return;
    matterRows(this.matter, (table, row) => {
      this.ctx.emit(table, row);
    });
  }

  definition(caseType: string): CaseTypeDefinition {
    const definition = caseTypeDefinition(caseType);
    if (!definition) throw new GeneratorBug(`unknown case type ${caseType}`);
    return definition;
  }

  /** A new file of the matter (registration, or a delivered referral). */
  newFile(
    definition: CaseTypeDefinition,
    institution: OrgInstitution,
    unitId: string | null,
    at: number,
    fields: Pick<
      SimFile,
      | 'intakeStatus'
      | 'confidentiality'
      | 'summary'
      | 'incidentDate'
      | 'referredFromId'
      | 'createdByMessage'
      | 'isJuvenile'
      | 'isFamilyProtection'
      | 'familyProtectionReasons'
      | 'linksCybercrime'
      | 'gbvType'
      | 'gbv'
    >,
  ): SimFile {
    this.opened += 1;
    const file: SimFile = {
      id: this.ctx.ids.next('case'),
      definition,
      institution,
      unitId,
      state: definition.initialState,
      version: 0,
      serial: null,
      year: null,
      reference: null,
      isDisposed: false,
      openedAt: at,
      disposedAt: null,
      updatedAt: at,
      mediationStatus: null,
      parties: [],
      charges: [],
      detentions: [],
      hearings: [],
      deadlines: [],
      assignments: [],
      reports: [],
      recorded: new Set(),
      lastEventAt: at - MINUTE_MS,
      ...fields,
    };
    this.matter.files.push(file);
    return file;
  }

  /** Appends an event row: seq is the file's new version. */
  event(
    file: SimFile,
    name: string,
    payload: Record<string, unknown>,
    at: number,
    actorUserId: string | null,
    stateBefore: string | null,
    stateAfter: string = file.state,
  ): string {
    const id = this.ctx.ids.next('event');
    file.version += 1;
    file.updatedAt = at;
    file.lastEventAt = at;
    file.recorded.add(name);
    this.matter.recorded.add(name);
    if (this.ctx.mode === 'execute') {
      this.ctx.emit('case_events', [
        id,
        file.id,
        String(file.version),
        name,
        actorUserId,
        ts(at),
        String(file.definition.version),
        JSON.stringify(payload),
        stateBefore,
        stateAfter,
        actorUserId ? this.ctx.requestId : null,
      ]);
    }
    return id;
  }

  /** The domain's rule: no mediation in violence against women (unless a chief overrides it). */
  isViolenceAgainstWomen(file: SimFile): boolean {
    return isViolenceAgainstWomen(this.facts(file, file.lastEventAt, 'prosecutor'));
  }

  /** loadCaseFacts (case-facts.repository.ts), from the simulated rows. */
  private facts(file: SimFile, now: number, role: Role): CaseFacts {
    return {
      caseType: file.definition.caseType,
      state: file.state,
      now: new Date(now),
      actorRoles: [role],
      incidentDate: file.incidentDate,
      parties: file.parties.map((p) => ({
        id: p.id,
        personId: p.personId,
        role: p.role,
        dateOfBirth: p.dateOfBirth,
        ageStatus: p.ageStatus,
        sex: p.sex,
        relationshipToAccused: p.relationship,
      })),
      charges: file.charges.map((c) => ({
        id: c.id,
        partyId: c.partyId,
        offenceClass: c.offenceClass,
        disposition: c.disposition,
      })),
      detentions: file.detentions.map((d) => {
        const expiry = d.orders.reduce<number | null>(
          (max, o) => (max === null || o.expiresAt > max ? o.expiresAt : max),
          null,
        );
        return {
          id: d.id,
          partyId: d.partyId,
          isOpen: d.releasedAt === null,
          currentExpiry: expiry === null ? null : new Date(expiry),
        };
      }),
      hearings: file.hearings.map((h) => ({
        id: h.id,
        status: h.status,
        startsAt: new Date(h.startsAt),
      })),
      openDeadlines: file.deadlines
        .filter((d) => d.completedAt === null)
        .map((d) => ({ name: d.name, dueAt: new Date(d.dueAt) })),
      isJuvenileFile: file.isJuvenile,
      isFamilyProtection: file.isFamilyProtection,
      gbvType: file.gbvType as CaseFacts['gbvType'],
      mediationStatus: this.mediationStatusOf(file),
      recordedEvents: [...file.recorded],
      matterRecordedEvents: [...this.matter.recorded],
    };
  }

  /** The mediation status that speaks for a file: its own, else the latest of the matter's others. */
  private mediationStatusOf(file: SimFile): CaseFacts['mediationStatus'] {
    if (file.mediationStatus) return file.mediationStatus;
    let latest: SimFile | null = null;
    for (const other of this.matter.files) {
      if (other === file || !other.mediationStatus) continue;
      if (!latest || other.updatedAt > latest.updatedAt) latest = other;
    }
    const status = latest?.mediationStatus ?? null;
    return status && MEDIATION_STATUSES.includes(status) ? status : null;
  }
}
