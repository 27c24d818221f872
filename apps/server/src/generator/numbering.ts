/**
 * Numbers and leads of generated files, in the order the real system would have given them. The
 * server takes the next serial of (institution, case type, year) and picks the lead by rotation at
 * the moment a file is registered or accepted; with thousands of matters simulated side by side,
 * that moment's order is only known once every matter is planned. So the generator plans all
 * matters first (recording each numbering request), then replays the requests in time order here:
 * serials come out gap-free and chronological, and each lead is the one `pickByRotation` would
 * have chosen (fewest files of that type at that institution, then longest wait, then username).
 */
import type { Role } from '@qadiya/domain';
import { DAY_MS, type LocalClock } from './calendar';
import type { ExistingData } from './existing-data';
import type { Organisation, OrgInstitution } from './organisation';

export interface NumberingRequest {
  institution: OrgInstitution;
  caseType: string;
  referenceCode: string;
  unitId: string | null;
  at: number;
  /** The registering investigator leads their own police report: no rotation. */
  fixedLead: string | null;
  leadRole: Role | null;
}

export interface Numbered {
  serial: number;
  year: number;
  reference: string;
  lead: string | null;
}

export interface NumberingHook {
  take(request: NumberingRequest): Numbered;
}

export function fullReference(
  code: string,
  typeCode: string,
  serial: number,
  year: number,
): string {
  return `${code}/${typeCode}/${serial}/${year}`;
}

function yearOf(clock: LocalClock, at: number): number {
  return new Date(clock.dayOf(at) * DAY_MS).getUTCFullYear();
}

/** Planning: records every request; answers with a stand-in (the plan never depends on it). */
export class NumberingRecorder implements NumberingHook {
  readonly requests: NumberingRequest[] = [];

  constructor(
    private readonly org: Organisation,
    private readonly clock: LocalClock,
  ) {}

  take(request: NumberingRequest): Numbered {
    this.requests.push(request);
    const standIn = request.leadRole
      ? (this.org.staff(request.institution.id, request.leadRole, request.at, request.unitId)[0]
          ?.userId ?? null)
      : null;
    const year = yearOf(this.clock, request.at);
    return { serial: 0, year, reference: '', lead: request.fixedLead ?? standIn };
  }
}

/** Execution: hands out the numbers assigned in time order, checking the plan was replayed. */
export class NumberingPlayback implements NumberingHook {
  private cursor = 0;

  constructor(
    private readonly requests: readonly NumberingRequest[],
    private readonly answers: readonly Numbered[],
  ) {}

  take(request: NumberingRequest): Numbered {
    const planned = this.requests[this.cursor];
    const answer = this.answers[this.cursor];
    this.cursor += 1;
    if (
      !planned ||
      !answer ||
      planned.institution.id !== request.institution.id ||
      planned.caseType !== request.caseType ||
      planned.at !== request.at
    ) {
      throw new Error(
        `numbering request ${this.cursor} does not match the plan: the simulation is not deterministic`,
      );
    }
    return answer;
  }
}

export interface CounterRow {
  institutionId: string;
  caseType: string;
  year: number;
  lastSerial: number;
}

/** Replays the requests in time order: serials per register, leads by rotation. */
export function assignNumbers(
  requests: readonly NumberingRequest[],
  org: Organisation,
  existing: ExistingData,
  clock: LocalClock,
): { answers: Numbered[]; counters: CounterRow[] } {
  const order = requests
    .map((_, i) => i)
    .sort((a, b) => {
      const byTime = (requests[a]?.at ?? 0) - (requests[b]?.at ?? 0);
      return byTime !== 0 ? byTime : a - b;
    });
  const counters = new Map<string, CounterRow>();
  for (const c of existing.counters)
    counters.set(`${c.institutionId}|${c.caseType}|${c.year}`, { ...c });
  const loads = new Map<string, { files: number; last: number }>();
  for (const l of existing.leadLoads) {
    loads.set(`${l.userId}|${l.institutionId}|${l.caseType}`, { files: l.files, last: l.last });
  }
  const answers: Numbered[] = new Array<Numbered>(requests.length);
  for (const i of order) {
    const r = requests[i];
    if (!r) continue;
    const year = yearOf(clock, r.at);
    const key = `${r.institution.id}|${r.caseType}|${year}`;
    const counter = counters.get(key) ?? {
      institutionId: r.institution.id,
      caseType: r.caseType,
      year,
      lastSerial: 0,
    };
    counter.lastSerial += 1;
    counters.set(key, counter);
    const lead = r.fixedLead ?? pickByRotation(org, loads, r);
    if (lead) {
      const load = loads.get(`${lead}|${r.institution.id}|${r.caseType}`) ?? { files: 0, last: 0 };
      loads.set(`${lead}|${r.institution.id}|${r.caseType}`, {
        files: load.files + 1,
        last: Math.max(load.last, r.at),
      });
    }
    answers[i] = {
      serial: counter.lastSerial,
      year,
      reference: fullReference(r.institution.code, r.referenceCode, counter.lastSerial, year),
      lead,
    };
  }
  return { answers, counters: [...counters.values()] };
}

/** cases/case-assignment.ts pickByRotation, over the simulated caseloads. */
function pickByRotation(
  org: Organisation,
  loads: Map<string, { files: number; last: number }>,
  r: NumberingRequest,
): string | null {
  if (!r.leadRole) return null;
  const seen = new Set<string>();
  const candidates = org
    .staff(r.institution.id, r.leadRole, r.at, r.unitId)
    .filter((m) => (seen.has(m.userId) ? false : (seen.add(m.userId), true)));
  let best: { userId: string; username: string; files: number; last: number } | null = null;
  for (const m of candidates) {
    const load = loads.get(`${m.userId}|${r.institution.id}|${r.caseType}`) ?? {
      files: 0,
      last: 0,
    };
    const better =
      !best ||
      load.files < best.files ||
      (load.files === best.files &&
        (load.last < best.last ||
          (load.last === best.last && m.username.localeCompare(best.username) < 0)));
    if (better) best = { userId: m.userId, username: m.username, ...load };
  }
  return best?.userId ?? null;
}
