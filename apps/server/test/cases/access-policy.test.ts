/**
 * Who may see a file, through the API: recusal, confidentiality (restricted, sealed), specific and
 * break-glass grants, the audit of sensitive reads; and the agreement of the two forms of the
 * policy: the list (SQL) shows exactly the files that opening one by one allows.
 */
import type { GrantKind, Role } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import {
  bearer,
  buildBareCase,
  buildInstitution,
  buildSession,
  signedInUser,
  type GrantSpec,
} from '../support/factories';
import { addToTeam, auditRows, call, LONG_AGO, type Headers } from './case-api-kit';

type Institution = Awaited<ReturnType<typeof buildInstitution>>;
type Confidentiality = 'normal' | 'restricted' | 'sealed';

describe('case access policy through the API', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await buildTestApp();
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
  });

  const db = () => t.handle.db;
  const grant = (
    role: Role,
    institutionId: string,
    extra: Partial<GrantSpec> & { grantKind?: GrantKind } = {},
  ): GrantSpec => ({ role, institutionId, validFrom: LONG_AGO, ...extra });
  const user = (grants: GrantSpec[]) => signedInUser(db(), { grants });

  async function file(
    institution: Institution,
    confidentiality: Confidentiality = 'normal',
    unitId: string | null = null,
  ): Promise<string> {
    const row = await buildBareCase(db(), institution.id, { confidentiality });
    if (unitId) {
      await db().updateTable('cases').set({ unit_id: unitId }).where('id', '=', row.id).execute();
    }
    return row.id;
  }

  async function listed(headers: Headers): Promise<Set<string>> {
    const response = await call(t, headers, 'GET', '/cases?limit=500');
    expect(response.status).toBe(200);
    return new Set((response.body.items as { id: string }[]).map((i) => i.id));
  }
  const opens = async (headers: Headers, caseId: string) =>
    (await call(t, headers, 'GET', `/cases/${caseId}`)).status;
  async function queueCases(headers: Headers): Promise<string[]> {
    const response = await call(t, headers, 'GET', '/work-queue?limit=200');
    expect(response.status).toBe(200);
    return (response.body.items as { case: { id: string } }[]).map((i) => i.case.id);
  }
  async function deadlineFor(caseId: string, institutionId: string, userId: string) {
    await db()
      .insertInto('deadlines')
      .values({
        case_id: caseId,
        name: 'decide_file',
        title_ar: 'اتخاذ قرار',
        title_en: 'Decide',
        kind: 'deadline',
        priority: 'high',
        due_at: new Date(t.clock.now().getTime() + 48 * 3_600_000),
        assignee_user_id: userId,
        institution_id: institutionId,
        created_at: new Date(),
      })
      .execute();
  }

  it('hides a file from a recused user in the list, the case page and the work queue', async () => {
    const office = await buildInstitution(db(), { kind: 'prosecution_office' });
    const lead = await user([grant('prosecutor', office.id)]);
    const colleague = await user([grant('prosecutor', office.id)]);
    const recusedFile = await file(office);
    const otherFile = await file(office);
    await addToTeam(db(), recusedFile, lead.user.id, 'prosecutor', { isLead: true });
    await deadlineFor(recusedFile, office.id, lead.user.id);
    await deadlineFor(otherFile, office.id, lead.user.id);

    expect(await listed(lead.headers)).toEqual(new Set([recusedFile, otherFile]));
    expect(await opens(lead.headers, recusedFile)).toBe(200);
    expect((await queueCases(lead.headers)).sort()).toEqual([recusedFile, otherFile].sort());

    // The lead discloses a conflict of interest: an excluded grant for the file.
    await db()
      .insertInto('role_assignments')
      .values({
        user_id: lead.user.id,
        role: 'prosecutor',
        grant_kind: 'excluded',
        institution_id: office.id,
        case_id: recusedFile,
        reason: 'صلة قرابة بالمشتكى عليه',
        valid_from: LONG_AGO,
      })
      .execute();
    expect(await listed(lead.headers)).toEqual(new Set([otherFile]));
    expect(await opens(lead.headers, recusedFile)).toBe(403);
    expect(await auditRows(db(), recusedFile, 'access.denied')).toMatchObject([
      {
        actor_user_id: lead.user.id,
        details: { permission: 'case.read', reason: 'recused from this file' },
      },
    ]);
    expect((await call(t, lead.headers, 'GET', `/cases/${recusedFile}/events`)).status).toBe(403);
    const fired = await call(t, lead.headers, 'POST', `/cases/${recusedFile}/events`, {
      event: 'open_investigation',
      version: 1,
      payload: {},
    });
    expect(fired.status).toBe(403);
    expect(await queueCases(lead.headers)).toEqual([otherFile]);
    // Nobody else is affected.
    expect(await opens(colleague.headers, recusedFile)).toBe(200);
    expect((await listed(colleague.headers)).has(recusedFile)).toBe(true);
  });

  it('shows a restricted file to its team and the chief prosecutor only, and audits the reads', async () => {
    const office = await buildInstitution(db(), { kind: 'prosecution_office' });
    const member = await user([grant('prosecutor', office.id)]);
    const chief = await user([grant('chief_prosecutor', office.id)]);
    const other = await user([grant('prosecutor', office.id)]);
    const restricted = await file(office, 'restricted');
    await addToTeam(db(), restricted, member.user.id, 'prosecutor', { isLead: true });

    for (const reader of [member, chief]) {
      expect((await listed(reader.headers)).has(restricted)).toBe(true);
      expect(await opens(reader.headers, restricted)).toBe(200);
    }
    expect((await listed(other.headers)).has(restricted)).toBe(false);
    expect(await opens(other.headers, restricted)).toBe(403);

    const reads = await auditRows(db(), restricted, 'access.restricted_read');
    expect(reads.map((r) => r.actor_user_id).sort()).toEqual(
      [member.user.id, chief.user.id].sort(),
    );
    expect(reads[0]).toMatchObject({
      outcome: 'success',
      institution_id: office.id,
      object_type: 'case',
      details: { confidentiality: 'restricted' },
    });
    // A normal file's reads are not audited as sensitive.
    const normal = await file(office);
    expect(await opens(member.headers, normal)).toBe(200);
    expect(await auditRows(db(), normal, 'access.restricted_read')).toEqual([]);
  });

  it('shows a sealed file to its team only', async () => {
    const office = await buildInstitution(db(), { kind: 'prosecution_office' });
    const member = await user([grant('prosecutor', office.id)]);
    const chief = await user([grant('chief_prosecutor', office.id)]);
    const other = await user([grant('prosecutor', office.id)]);
    const sealed = await file(office, 'sealed');
    await addToTeam(db(), sealed, member.user.id, 'prosecutor', { isLead: true });

    expect((await listed(member.headers)).has(sealed)).toBe(true);
    expect(await opens(member.headers, sealed)).toBe(200);
    for (const outsider of [chief, other]) {
      expect((await listed(outsider.headers)).has(sealed)).toBe(false);
      expect(await opens(outsider.headers, sealed)).toBe(403);
    }
    expect(await auditRows(db(), sealed, 'access.restricted_read')).toMatchObject([
      { actor_user_id: member.user.id, details: { confidentiality: 'sealed' } },
    ]);
  });

  it('opens one file of another institution to a specific grant, and only that file', async () => {
    const office = await buildInstitution(db(), { kind: 'prosecution_office' });
    const court = await buildInstitution(db(), { kind: 'court' });
    const granted = await file(office);
    const sibling = await file(office);
    const lawyer = await user([
      grant('judge', court.id),
      grant('lawyer', office.id, { grantKind: 'specific', caseId: granted }),
    ]);
    const listing = await listed(lawyer.headers);
    expect(listing.has(granted)).toBe(true);
    expect(listing.has(sibling)).toBe(false);
    expect(await opens(lawyer.headers, granted)).toBe(200);
    expect(await opens(lawyer.headers, sibling)).toBe(403);
    const page = await call(t, lawyer.headers, 'GET', `/cases/${granted}`);
    expect(page.body.myRoles).toEqual(['lawyer']);
  });

  it('audits a break-glass use to act on a file, whether the event stands or is refused', async () => {
    const office = await buildInstitution(db(), { kind: 'prosecution_office' });
    const target = await file(office, 'restricted');
    const emergency = await user([
      grant('prosecutor', office.id, {
        grantKind: 'break_glass',
        reason: 'موقوف بلا ملف مفتوح في نهاية الأسبوع',
        validUntil: new Date(t.clock.now().getTime() + 4 * 3_600_000),
      }),
    ]);
    const fire = (event: string, version: number) =>
      call(t, emergency.headers, 'POST', `/cases/${target}/events`, {
        event,
        version,
        payload: {},
      });
    expect((await fire('open_investigation', 1)).status).toBe(200);
    // Refused by the workflow: the transaction rolls back, the use of the grant is still audited.
    expect((await fire('open_investigation', 2)).status).toBe(409);
    // Acting twice, and reading the page the first event answered with.
    const uses = await auditRows(db(), target, 'access.break_glass_used');
    expect(uses.map((row) => (row.details as { purpose: string }).purpose).sort()).toEqual([
      'act',
      'act',
      'read',
    ]);
    expect(await auditRows(db(), target, 'case.event')).toMatchObject([
      { details: { event: 'open_investigation', breakGlass: true } },
    ]);
  });

  it('opens a file to break-glass access, audited every time, but never lists it', async () => {
    const office = await buildInstitution(db(), { kind: 'prosecution_office' });
    const target = await file(office, 'restricted');
    const until = new Date(t.clock.now().getTime() + 4 * 3_600_000);
    const emergency = await user([
      grant('prosecutor', office.id, {
        grantKind: 'break_glass',
        reason: 'موقوف بلا ملف مفتوح في نهاية الأسبوع',
        validUntil: until,
      }),
    ]);
    expect((await listed(emergency.headers)).has(target)).toBe(false);
    expect(await opens(emergency.headers, target)).toBe(200);
    expect(await opens(emergency.headers, target)).toBe(200);
    const uses = await auditRows(db(), target, 'access.break_glass_used');
    expect(uses).toHaveLength(2);
    const assignment = await db()
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', emergency.user.id)
      .executeTakeFirstOrThrow();
    expect(uses[0]).toMatchObject({
      actor_user_id: emergency.user.id,
      outcome: 'success',
      details: { purpose: 'read', assignmentId: assignment.id },
    });
    // Emergency access is not a sensitive read of the ordinary kind: it has its own audit row.
    expect(await auditRows(db(), target, 'access.restricted_read')).toEqual([]);
    // A break-glass grant bound to one file opens that file only.
    const other = await file(office);
    const bound = await user([
      grant('prosecutor', office.id, {
        grantKind: 'break_glass',
        caseId: target,
        reason: 'طارئ',
        validUntil: until,
      }),
    ]);
    expect(await opens(bound.headers, target)).toBe(200);
    expect(await opens(bound.headers, other)).toBe(403);
    // Once it expires it opens nothing.
    t.clock.set(new Date(until.getTime() + 60_000));
    try {
      const later = bearer(await buildSession(db(), emergency.user.id, t.clock.now()));
      expect(await opens(later, target)).toBe(403);
    } finally {
      t.clock.set(new Date());
    }
  });

  it('lists exactly the files that opening them one by one allows (break-glass aside)', async () => {
    const o1 = await buildInstitution(db(), {
      kind: 'prosecution_office',
      units: ['general', 'juvenile'],
    });
    const o2 = await buildInstitution(db(), { kind: 'prosecution_office' });
    const court = await buildInstitution(db(), { kind: 'court' });
    const [general, juvenile] = [o1.units[0]!.id, o1.units[1]!.id];

    const f: Record<string, string> = {};
    const layout: [string, Institution, Confidentiality, string | null][] = [
      ['f1', o1, 'normal', null],
      ['f2', o1, 'normal', general],
      ['f3', o1, 'normal', juvenile],
      ['f4', o1, 'restricted', general],
      ['f5', o1, 'restricted', juvenile],
      ['f6', o1, 'restricted', null],
      ['f7', o1, 'sealed', general],
      ['f8', o1, 'sealed', null],
      ['f9', o1, 'normal', general],
      ['f10', o1, 'restricted', juvenile],
      ['f11', o2, 'normal', null],
      ['f12', o2, 'restricted', null],
      ['f13', o2, 'sealed', null],
      ['f14', o2, 'normal', null],
      ['f15', o2, 'sealed', null],
    ];
    for (const [name, institution, confidentiality, unit] of layout) {
      f[name] = await file(institution, confidentiality, unit);
    }
    const hourAgo = new Date(t.clock.now().getTime() - 3_600_000);
    const inHours = new Date(t.clock.now().getTime() + 8 * 3_600_000);
    const actors = {
      prosecutor: await user([grant('prosecutor', o1.id)]),
      unitProsecutor: await user([grant('prosecutor', o1.id, { unitId: general })]),
      chief: await user([grant('chief_prosecutor', o1.id)]),
      juvenileChief: await user([grant('chief_prosecutor', o1.id, { unitId: juvenile })]),
      otherOffice: await user([grant('prosecutor', o2.id)]),
      lawyer: await user([
        grant('lawyer', o2.id, { grantKind: 'specific', caseId: f.f13! }),
        grant('lawyer', o2.id, { grantKind: 'specific', caseId: f.f14! }),
      ]),
      recused: await user([
        grant('prosecutor', o1.id),
        grant('prosecutor', o1.id, { grantKind: 'excluded', caseId: f.f9!, reason: 'تعارض' }),
        grant('prosecutor', o1.id, { grantKind: 'excluded', caseId: f.f10!, reason: 'تعارض' }),
      ]),
      teamOnly: await user([grant('judge', court.id)]),
      breakGlass: await user([
        grant('prosecutor', o2.id, {
          grantKind: 'break_glass',
          reason: 'طارئ',
          validUntil: inHours,
        }),
      ]),
      expired: await user([grant('prosecutor', o1.id, { validUntil: hourAgo })]),
      admin: await signedInUser(db(), {
        grants: [{ role: 'admin', institutionId: null, validFrom: LONG_AGO }],
      }),
      mixed: await user([
        grant('prosecutor', o2.id),
        grant('chief_prosecutor', o1.id, { unitId: general }),
      ]),
    };
    await addToTeam(db(), f.f7!, actors.teamOnly.user.id, 'prosecutor');
    await addToTeam(db(), f.f10!, actors.teamOnly.user.id, 'prosecutor', { isLead: true });
    await addToTeam(db(), f.f15!, actors.teamOnly.user.id, 'prosecutor', {
      endedAt: hourAgo,
    });
    await addToTeam(db(), f.f10!, actors.recused.user.id, 'prosecutor');
    await addToTeam(db(), f.f15!, actors.otherOffice.user.id, 'prosecutor', { isLead: true });

    // What the rules of policy/case-access.ts say each actor sees (listed and opened alike).
    const expected: Record<keyof typeof actors, string[]> = {
      prosecutor: ['f1', 'f2', 'f3', 'f9'],
      unitProsecutor: ['f2', 'f9'],
      chief: ['f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f9', 'f10'],
      juvenileChief: ['f3', 'f5', 'f10'],
      otherOffice: ['f11', 'f14', 'f15'],
      lawyer: ['f13', 'f14'],
      recused: ['f1', 'f2', 'f3'],
      teamOnly: ['f7', 'f10'],
      breakGlass: [],
      expired: [],
      admin: [],
      mixed: ['f2', 'f4', 'f9', 'f11', 'f14'],
    };
    const breakGlassOnly: Partial<Record<keyof typeof actors, string[]>> = {
      breakGlass: ['f11', 'f12', 'f13', 'f14', 'f15'],
    };
    const mine = new Set(Object.values(f));
    const nameOf = new Map(Object.entries(f).map(([name, id]) => [id, name]));
    const names = (ids: Iterable<string>) => [...ids].map((id) => nameOf.get(id)!).sort();

    for (const [actorName, actor] of Object.entries(actors) as [
      keyof typeof actors,
      (typeof actors)[keyof typeof actors],
    ][]) {
      const inList = await listed(actor.headers);
      // Every listed file is one of ours: the actors' grants reach nothing else.
      expect({ actorName, foreign: [...inList].filter((id) => !mine.has(id)) }).toEqual({
        actorName,
        foreign: [],
      });
      const opened: string[] = [];
      for (const id of mine) {
        const status = await opens(actor.headers, id);
        expect([200, 403]).toContain(status);
        if (status === 200) opened.push(id);
      }
      const onlyOpened = opened.filter((id) => !inList.has(id));
      const onlyListed = [...inList].filter((id) => !opened.includes(id));
      expect({
        actorName,
        listed: names(inList),
        onlyOpened: names(onlyOpened),
        onlyListed,
      }).toEqual({
        actorName,
        listed: [...expected[actorName]].sort(),
        onlyOpened: [...(breakGlassOnly[actorName] ?? [])].sort(),
        onlyListed: [],
      });
    }
  });
});
