/**
 * The organisation a generation runs against: the institutions, units and staff of the spec
 * (organisation-spec.ts), reusing whatever a database already holds under the same codes and
 * usernames (the demo's Ramallah chain, or an earlier generation's staff), and creating the rest.
 * Staff are kept with their grants' validity, because rotation and the engine's role checks ask
 * who held a role at the moment of each event, exactly as the server does.
 */
import type { CourtLevel, InstitutionKind, Role, UnitKind } from '@qadiya/domain';
import { LocalClock, WorkingDays } from './calendar';
import type { ExistingData } from './existing-data';
import type { IdFactory } from './ids';
import { drawStaffName } from './names';
import { GOVERNORATES, institutionSpecs, PANEL_LEVELS, postsFor } from './organisation-spec';
import { Rng } from './random';
import type { OrganisationRows } from './rows';

export interface OrgInstitution {
  id: string;
  code: string;
  kind: InstitutionKind;
  courtLevel: CourtLevel | null;
  regionId: string | null;
  /** Governorate code of the region, when the institution has one. */
  governorate: string | null;
  isActive: boolean;
  units: Map<UnitKind, string>;
  calendar: WorkingDays;
}

export interface StaffMember {
  userId: string;
  username: string;
  role: Role;
  institutionId: string;
  unitId: string | null;
  validFrom: number;
  validUntil: number | null;
}

/** The judges who sit together and their courtroom; a single judge at a magistrate court. */
export interface Panel {
  index: number;
  judgeIds: string[];
  room: string;
}

export class Organisation {
  readonly byCode = new Map<string, OrgInstitution>();
  readonly byId = new Map<string, OrgInstitution>();
  private readonly staffByInstitution = new Map<string, StaffMember[]>();
  private readonly grantsByUser = new Map<string, StaffMember[]>();
  private readonly panelsByCourt = new Map<string, Panel[]>();
  private readonly panelOfJudge = new Map<string, Panel>();

  add(institution: OrgInstitution): void {
    this.byCode.set(institution.code, institution);
    this.byId.set(institution.id, institution);
  }

  addStaff(member: StaffMember): void {
    const list = this.staffByInstitution.get(member.institutionId) ?? [];
    list.push(member);
    this.staffByInstitution.set(member.institutionId, list);
    const grants = this.grantsByUser.get(member.userId) ?? [];
    grants.push(member);
    this.grantsByUser.set(member.userId, grants);
  }

  /** The roles a user holds at `at` through standard grants at an institution, sorted by name. */
  rolesOf(userId: string, at: number): Role[] {
    const roles = (this.grantsByUser.get(userId) ?? [])
      .filter((m) => m.validFrom <= at && (m.validUntil === null || m.validUntil > at))
      .map((m) => m.role);
    return [...new Set(roles)].sort();
  }

  institution(code: string): OrgInstitution {
    const found = this.byCode.get(code);
    if (!found) throw new Error(`the generated organisation has no institution ${code}`);
    return found;
  }

  /**
   * Staff holding `role` at the institution at `at`; with a unit, only those whose grant covers it
   * (no unit, or that one), as the server's rotation filters them.
   */
  staff(institutionId: string, role: Role, at: number, unitId?: string | null): StaffMember[] {
    return (this.staffByInstitution.get(institutionId) ?? []).filter(
      (m) =>
        m.role === role &&
        m.validFrom <= at &&
        (m.validUntil === null || m.validUntil > at) &&
        (!unitId || m.unitId === null || m.unitId === unitId),
    );
  }

  /** Forms the panels of every court once staff are known (sorted by username: stable). */
  formPanels(): void {
    for (const institution of this.byId.values()) {
      if (institution.kind !== 'court') continue;
      const judges = (this.staffByInstitution.get(institution.id) ?? [])
        .filter((m) => m.role === 'judge')
        .sort((a, b) => a.username.localeCompare(b.username));
      const size = institution.courtLevel && PANEL_LEVELS.includes(institution.courtLevel) ? 3 : 1;
      const panels: Panel[] = [];
      for (let i = 0; i < judges.length; i += size) {
        const group = judges.slice(i, i + size).map((j) => j.userId);
        const last = panels.at(-1);
        // A short last group joins the panel before it (a panel of four or five sits together).
        if (group.length < size && last) last.judgeIds.push(...group);
        else
          panels.push({ index: panels.length, judgeIds: group, room: `قاعة ${panels.length + 1}` });
      }
      this.panelsByCourt.set(institution.id, panels);
      for (const panel of panels) for (const id of panel.judgeIds) this.panelOfJudge.set(id, panel);
    }
  }

  panelOf(judgeId: string): Panel {
    const panel = this.panelOfJudge.get(judgeId);
    if (!panel) throw new Error(`judge ${judgeId} sits in no panel`);
    return panel;
  }

  /** Courts of a level in a governorate (region-less national courts are competent everywhere). */
  courts(level: CourtLevel, governorate: string): OrgInstitution[] {
    return [...this.byId.values()].filter(
      (i) =>
        i.kind === 'court' &&
        i.isActive &&
        i.courtLevel === level &&
        (i.governorate === null || i.governorate === governorate),
    );
  }
}

export interface BuildOrganisationInput {
  existing: ExistingData;
  ids: IdFactory;
  seed: string;
  /** Generated files a year: sizes the staff. */
  yearlyFiles: number;
  /** When generated grants begin (before the first generated event). */
  grantsFrom: number;
  timeZone: string;
  passwordHash: string;
}

export function buildOrganisation(input: BuildOrganisationInput): {
  org: Organisation;
  rows: OrganisationRows;
} {
  const { existing, ids } = input;
  const rng = new Rng(input.seed, 'organisation');
  const clock = new LocalClock(input.timeZone);
  const rows: OrganisationRows = {
    regions: [],
    institutions: [],
    units: [],
    users: [],
    grants: [],
  };
  const regionIds = new Map(existing.regions.map((r) => [r.code, r.id]));
  const regionCodes = new Map(existing.regions.map((r) => [r.id, r.code]));
  for (const g of GOVERNORATES) {
    if (regionIds.has(g.code)) continue;
    const id = ids.next('region');
    regionIds.set(g.code, id);
    regionCodes.set(id, g.code);
    rows.regions.push({ id, code: g.code, nameAr: g.nameAr, nameEn: g.nameEn });
  }

  const org = new Organisation();
  const calendarOf = (institutionId: string | null, weekend: readonly number[]) =>
    new WorkingDays(clock, weekend, existing.holidaysFor(institutionId));
  for (const found of existing.institutions) {
    org.add({
      id: found.id,
      code: found.code,
      kind: found.kind,
      courtLevel: found.courtLevel,
      regionId: found.regionId,
      governorate: found.regionId ? (regionCodes.get(found.regionId) ?? null) : null,
      isActive: found.isActive,
      units: new Map(
        existing.units.filter((u) => u.institutionId === found.id).map((u) => [u.kind, u.id]),
      ),
      calendar: calendarOf(found.id, found.weekendDays),
    });
  }
  const specs = institutionSpecs();
  for (const spec of specs) {
    let institution = org.byCode.get(spec.code);
    if (!institution) {
      const id = ids.next('institution');
      const regionId = regionIds.get(spec.region) ?? null;
      institution = {
        id,
        code: spec.code,
        kind: spec.kind,
        courtLevel: spec.courtLevel,
        regionId,
        governorate: spec.region,
        isActive: true,
        units: new Map(),
        calendar: calendarOf(id, [5, 6]),
      };
      org.add(institution);
      rows.institutions.push({ ...spec, id, regionId });
    }
    for (const kind of spec.units) {
      if (institution.units.has(kind)) continue;
      const id = ids.next('unit');
      institution.units.set(kind, id);
      rows.units.push({
        id,
        institutionId: institution.id,
        kind,
        officeAr: spec.nameAr,
        officeEn: spec.nameEn,
      });
    }
  }

  for (const grant of existing.grants) {
    org.addStaff(grant);
  }
  const takenUsernames = new Set(existing.usernames);
  const totalWeight = GOVERNORATES.reduce((sum, g) => sum + g.weight, 0);
  const weightOf = (code: string) =>
    (GOVERNORATES.find((g) => g.code === code)?.weight ?? 0) / totalWeight;
  for (const spec of specs) {
    const institution = org.institution(spec.code);
    const share = nationalShare(spec.code, spec.region, weightOf);
    for (const post of postsFor(spec, input.yearlyFiles, share)) {
      for (let n = 1; n <= post.count; n += 1) {
        const suffix =
          post.count === 1 && post.prefix === 'chief' ? '' : String(n).padStart(2, '0');
        const username = `gen.${spec.code.toLowerCase()}.${post.prefix}${suffix}`;
        const sex = rng.chance(post.femaleShare) ? 'female' : 'male';
        const name = drawStaffName(rng, sex);
        // An earlier generation's account is reused, not duplicated; its grants are already loaded.
        if (takenUsernames.has(username)) continue;
        takenUsernames.add(username);
        const userId = ids.next('user');
        const unitId = post.unit ? (institution.units.get(post.unit) ?? null) : null;
        rows.users.push({
          id: userId,
          username,
          nameAr: name.ar,
          nameEn: name.en,
          sex,
          institutionId: institution.id,
          passwordHash: input.passwordHash,
          createdAt: input.grantsFrom,
        });
        rows.grants.push({
          id: ids.next('roleAssignment'),
          userId,
          role: post.role,
          institutionId: institution.id,
          unitId,
          validFrom: input.grantsFrom,
        });
        org.addStaff({
          userId,
          username,
          role: post.role,
          institutionId: institution.id,
          unitId,
          validFrom: input.grantsFrom,
          validUntil: null,
        });
      }
    }
  }
  for (const role of ['analyst', 'auditor', 'admin'] as const) {
    const username = `gen.${role}`;
    if (takenUsernames.has(username)) continue;
    const userId = ids.next('user');
    const name = drawStaffName(rng, rng.chance(0.5) ? 'female' : 'male');
    rows.users.push({
      id: userId,
      username,
      nameAr: name.ar,
      nameEn: name.en,
      sex: null,
      institutionId: null,
      passwordHash: input.passwordHash,
      createdAt: input.grantsFrom,
    });
    rows.grants.push({
      id: ids.next('roleAssignment'),
      userId,
      role,
      institutionId: null,
      unitId: null,
      validFrom: input.grantsFrom,
    });
  }
  org.formPanels();
  return { org, rows };
}

/** The share of the national workload an institution carries (courts of appeal serve several). */
function nationalShare(code: string, region: string, weightOf: (code: string) => number): number {
  if (code === 'PS-GF') return 0.25;
  if (code === 'PS-CAS' || code === 'PS-BAR') return 1;
  if (code.endsWith('-APP')) {
    return GOVERNORATES.filter((g) => g.appealCourt === code).reduce(
      (s, g) => s + weightOf(g.code),
      0,
    );
  }
  return weightOf(region);
}
