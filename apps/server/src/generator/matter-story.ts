/**
 * One incident's story, from the report to wherever it ends: who was involved (cast.ts), then the
 * police (police-story.ts), the prosecution (prosecution-story.ts, juvenile-story.ts), the court,
 * the appeal and the execution (court-story.ts). Each step is an event fired through MatterRun,
 * so the engine checks it; the story stops wherever the history ends (`asOf`), leaving the files
 * open in their current state. This class holds what the stages share.
 */
import type { Role } from '@qadiya/domain';
import { HOUR_MS } from './calendar';
import { castParties, type Cast } from './cast';
import { HistoryEnded, type Actor, type MatterRun } from './matter-run';
import type { OrgInstitution } from './organisation';
import { GOVERNORATES } from './organisation-spec';
import { policeStage } from './police-story';
import { prosecutionStage } from './prosecution-story';
import { Weighted } from './random';
import { SCENARIO_CHOICE, type Scenario } from './scenarios';
import { leadOf } from './sim-team';
import type { SimFile } from './sim-model';
import { StoryTime } from './story-time';
import { NOTES, STATEMENTS, summaryFor } from './texts';

const GOVERNORATE_CHOICE = new Weighted(GOVERNORATES.map((g, i) => [i, g.weight] as const));
const ISO = (ms: number) => new Date(ms).toISOString();

export class MatterStory {
  readonly time: StoryTime;
  readonly scenario: Scenario;
  readonly gov: number;
  readonly govCode: string;
  readonly cast: Cast;
  readonly familyProtection: boolean;
  readonly summary: string;
  /** A file goes to another office at most once per matter. */
  transferred = false;

  constructor(
    readonly run: MatterRun,
    readonly incidentAt: number,
  ) {
    const rng = run.rng;
    this.time = new StoryTime(run.ctx.clock, rng);
    this.gov = GOVERNORATE_CHOICE.draw(rng);
    this.govCode = GOVERNORATES[this.gov]?.code ?? 'RAM';
    this.scenario = SCENARIO_CHOICE.draw(rng);
    this.cast = castParties(run, this.scenario, this.gov, run.ctx.clock.dayOf(incidentAt));
    this.familyProtection =
      Boolean(this.scenario.family) || (this.scenario.femaleVictim ?? 0) >= 0.8;
    this.summary = summaryFor(
      this.scenario.summary,
      rng,
      rng.pick(GOVERNORATES[this.gov]?.areas ?? ['']),
    );
  }

  institution(suffix: string): OrgInstitution {
    return this.run.ctx.org.institution(`${this.govCode}-${suffix}`);
  }

  staff(institution: OrgInstitution, role: Role, at: number, unitId?: string | null): Actor | null {
    const members = this.run.ctx.org.staff(institution.id, role, at, unitId);
    if (members.length === 0) return null;
    const member = this.run.rng.pick(members);
    return { userId: member.userId, role };
  }

  leadActor(file: SimFile, role: Role, fallback: Actor): Actor {
    const lead = leadOf(file);
    return lead ? { userId: lead, role } : fallback;
  }

  party(file: SimFile, personIndex: number, role: string): string {
    const personId = this.run.personId(personIndex);
    const party = file.parties.find((p) => p.personId === personId && p.role === role);
    if (!party) throw new Error(`no ${role} party for person ${personIndex}`);
    return party.id;
  }

  /** The whole story, up to where the history ends. */
  tell(): void {
    const rng = this.run.rng;
    const direct = this.cast.accused.length > 0 && rng.chance(this.scenario.directShare);
    try {
      if (direct) {
        prosecutionStage(this, null);
      } else {
        const handover = policeStage(this);
        if (handover) prosecutionStage(this, handover);
      }
    } catch (error) {
      if (!(error instanceof HistoryEnded)) throw error;
    }
    if (this.run.filesOpened > 0) this.run.finish();
  }

  addParties(file: SimFile, at: number, actor: Actor): number {
    let t = at;
    const add = (index: number, role: string, relationship: string | null) => {
      const payload: Record<string, unknown> = { personId: this.run.personId(index), role };
      if (relationship) payload.relationshipToAccused = relationship;
      t = this.run.fire(file, 'add_party', payload, this.time.minutesAfter(t, 3, 15), actor);
    };
    for (const index of this.cast.accused) add(index, 'accused', null);
    for (const v of this.cast.victims) add(v.index, v.role, v.relationship);
    for (const index of this.cast.witnesses) add(index, 'witness', null);
    if (this.cast.guardian !== null) add(this.cast.guardian, 'guardian', 'parent');
    return t;
  }

  /** Statements of the victim and the accused, between `from` and `until`. */
  statements(
    file: SimFile,
    from: number,
    until: number,
    fire: (name: string, payload: Record<string, unknown>, at: number) => boolean,
  ): void {
    const rng = this.run.rng;
    const span = Math.max(until - from, 2 * HOUR_MS);
    let t = from;
    const victim = this.cast.victims[0];
    const who: [number, 'victim' | 'complainant' | 'accused', readonly string[]][] = [];
    if (victim) who.push([victim.index, victim.role, STATEMENTS.victim]);
    const accused = this.cast.accused[0];
    if (accused !== undefined) who.push([accused, 'accused', STATEMENTS.accused]);
    for (const [index, role, texts] of who) {
      t = Math.min(t + Math.round(rng.float() * (span / 3)), until);
      const partyId = this.party(file, index, role);
      if (
        !fire(
          file.definition.caseType === 'police_report' ? 'record_statement' : 'question',
          { partyId, summary: rng.pick(texts) },
          t,
        )
      ) {
        return;
      }
    }
  }

  arrestPayload(
    file: SimFile,
    personIndex: number,
    arrestedAt: number,
    facility: string,
  ): Record<string, unknown> {
    const payload: Record<string, unknown> = {
      partyId: this.party(file, personIndex, 'accused'),
      arrestedAt: ISO(arrestedAt),
      place: NOTES.arrestPlace,
      facility: this.cast.juvenile ? 'juvenile_centre' : facility,
    };
    if (this.cast.juvenile) payload.lastResortJustification = NOTES.juvenileJustification;
    return payload;
  }
}
