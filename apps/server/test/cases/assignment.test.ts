/**
 * Who gets a new file: equal rotation among the judges of a court, per case type; rotation among
 * the prosecutors of the unit; manual reassignment with a reason, which the work queue follows;
 * and no reassignment to a recused user.
 */
import type { Role } from '@qadiya/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { caseApi, type CaseApi } from '../support/cases';
import { buildBareCase, buildInstitution, signedInUser, uniqueSuffix } from '../support/factories';
import {
  addToTeam,
  buildInboxCase,
  call,
  leadOf,
  LONG_AGO,
  snapshot,
  type Headers,
} from './case-api-kit';

type SignedIn = Awaited<ReturnType<typeof signedInUser>>;

describe('assignment of files', () => {
  let t: TestApp;
  let api: CaseApi;

  beforeAll(async () => {
    t = await buildTestApp();
    api = caseApi(t.app);
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
  });

  const db = () => t.handle.db;
  /** Usernames sort in the order of `tag`, so ties in the rotation are predictable. */
  const staff = (
    tag: string,
    role: Role,
    institutionId: string,
    unitId: string | null = null,
  ): Promise<SignedIn> =>
    signedInUser(db(), {
      username: `${tag}.${uniqueSuffix()}`,
      institutionId,
      grants: [{ role, institutionId, unitId, validFrom: LONG_AGO }],
    });

  async function register(headers: Headers, body: object): Promise<string> {
    const response = await api.register(headers, body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  function tally(leads: (string | undefined)[], people: SignedIn[]): number[] {
    return people.map((p) => leads.filter((id) => id === p.user.id).length);
  }

  it('shares new court files equally among the judges of the court', async () => {
    const court = await buildInstitution(db(), { kind: 'court' });
    const judges = [
      await staff('a-judge', 'judge', court.id),
      await staff('b-judge', 'judge', court.id),
      await staff('c-judge', 'judge', court.id),
    ];
    const clerk = await staff('clerk', 'court_clerk', court.id);
    // A judge of another court never gets them.
    const elsewhere = await buildInstitution(db(), { kind: 'court' });
    const stranger = await staff('0-judge', 'judge', elsewhere.id);

    const files: string[] = [];
    for (let i = 0; i < 6; i++) {
      files.push(
        await register(clerk.headers, { caseType: 'civil_claim', institutionId: court.id }),
      );
    }
    const leads = await Promise.all(files.map((id) => leadOf(db(), id)));
    expect(tally(leads, judges)).toEqual([2, 2, 2]);
    expect(leads).not.toContain(stranger.user.id);
    // The lead shows on the case page, and the file is in their work.
    const page = await api.get(judges[0]!.headers, files[0]!);
    expect(page.body.team).toMatchObject([{ userId: leads[0], isLead: true, role: 'judge' }]);
  });

  it('shows the team lead first, then the others in the order they joined the file', async () => {
    const office = await buildInstitution(db(), { kind: 'prosecution_office' });
    const file = await buildBareCase(db(), office.id);
    // Usernames (and so user ids) in no particular relation to the order expected.
    const counsellor = await staff('c', 'child_protection_counsellor', office.id);
    const lead = await staff('z', 'prosecutor', office.id);
    const assistant = await staff('a', 'prosecutor', office.id);
    const joined = [
      [counsellor, 'child_protection_counsellor', false, '2026-01-05T09:00:00Z'],
      [assistant, 'prosecutor', false, '2026-01-04T09:00:00Z'],
      [lead, 'prosecutor', true, '2026-01-06T09:00:00Z'],
    ] as const;
    for (const [who, role, isLead, at] of joined) {
      await addToTeam(db(), file.id, who.user.id, role, { isLead, assignedAt: new Date(at) });
    }
    const page = await api.get(lead.headers, file.id);
    expect(page.body.team.map((m: { userId: string }) => m.userId)).toEqual([
      lead.user.id,
      assistant.user.id,
      counsellor.user.id,
    ]);
  });

  it('passes over a judge recused from a referred file when it is accepted', async () => {
    const court = await buildInstitution(db(), { kind: 'court' });
    const a = await staff('a-judge', 'judge', court.id);
    const b = await staff('b-judge', 'judge', court.id);
    const clerk = await staff('clerk', 'court_clerk', court.id);
    // The rotation would pick `a` (no files yet, first by name), who declared a conflict while
    // the file waited in the inbox.
    const inbox = await buildInboxCase(db(), court.id, 'court_case', 'filed');
    await db()
      .insertInto('role_assignments')
      .values({
        user_id: a.user.id,
        role: 'judge',
        grant_kind: 'excluded',
        institution_id: court.id,
        case_id: inbox.id,
        reason: 'سبق أن ترافع في الدعوى',
        valid_from: LONG_AGO,
      })
      .execute();
    const accepted = await call(t, clerk.headers, 'POST', `/cases/${inbox.id}/accept`, {
      version: 1,
    });
    expect(accepted.status).toBe(200);
    expect(await leadOf(db(), inbox.id)).toBe(b.user.id);
    expect((await api.get(b.headers, inbox.id)).status).toBe(200);
    // The next file goes to `a` again: the rotation is not thrown off.
    const next = await buildInboxCase(db(), court.id, 'court_case', 'filed');
    await call(t, clerk.headers, 'POST', `/cases/${next.id}/accept`, { version: 1 });
    expect(await leadOf(db(), next.id)).toBe(a.user.id);
  });

  it('keeps a separate rotation for each case type', async () => {
    const court = await buildInstitution(db(), { kind: 'court' });
    const a = await staff('a-judge', 'judge', court.id);
    const b = await staff('b-judge', 'judge', court.id);
    const clerk = await staff('clerk', 'court_clerk', court.id);
    const civil = () =>
      register(clerk.headers, { caseType: 'civil_claim', institutionId: court.id });

    // Four civil claims while the court has two judges: two each.
    const firstClaims = [await civil(), await civil(), await civil(), await civil()];
    const c = await staff('c-judge', 'judge', court.id);
    expect(tally(await Promise.all(firstClaims.map((id) => leadOf(db(), id))), [a, b, c])).toEqual([
      2, 2, 0,
    ]);

    // Criminal cases have their own rotation: the new judge's empty civil list earns no extra.
    const criminal: string[] = [];
    for (let i = 0; i < 3; i++) {
      const inbox = await buildInboxCase(db(), court.id, 'court_case', 'filed');
      const accepted = await call(t, clerk.headers, 'POST', `/cases/${inbox.id}/accept`, {
        version: 1,
      });
      expect(accepted.status).toBe(200);
      criminal.push(inbox.id);
    }
    expect(tally(await Promise.all(criminal.map((id) => leadOf(db(), id))), [a, b, c])).toEqual([
      1, 1, 1,
    ]);

    // And the civil rotation catches the new judge up.
    const laterClaims = [await civil(), await civil()];
    expect(await Promise.all(laterClaims.map((id) => leadOf(db(), id)))).toEqual([
      c.user.id,
      c.user.id,
    ]);
  });

  it('shares new prosecution files among the prosecutors of the unit', async () => {
    const office = await buildInstitution(db(), {
      kind: 'prosecution_office',
      units: ['general', 'juvenile'],
    });
    const [general, juvenile] = [office.units[0]!.id, office.units[1]!.id];
    const p1 = await staff('a-pros', 'prosecutor', office.id, general);
    const p2 = await staff('b-pros', 'prosecutor', office.id, general);
    const p3 = await staff('c-pros', 'prosecutor', office.id, juvenile);
    const chief = await staff('chief', 'chief_prosecutor', office.id);
    const other = await buildInstitution(db(), { kind: 'prosecution_office', units: ['general'] });
    const outsider = await staff('0-pros', 'prosecutor', other.id);

    const inGeneral: string[] = [];
    for (let i = 0; i < 4; i++) {
      inGeneral.push(
        await register(chief.headers, {
          caseType: 'prosecution_file',
          institutionId: office.id,
          unitId: general,
        }),
      );
    }
    const generalLeads = await Promise.all(inGeneral.map((id) => leadOf(db(), id)));
    expect(tally(generalLeads, [p1, p2, p3, outsider])).toEqual([2, 2, 0, 0]);

    const inJuvenile = [
      await register(chief.headers, {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: juvenile,
      }),
      await register(p3.headers, {
        caseType: 'prosecution_file',
        institutionId: office.id,
        unitId: juvenile,
      }),
    ];
    const juvenileLeads = await Promise.all(inJuvenile.map((id) => leadOf(db(), id)));
    expect(juvenileLeads).toEqual([p3.user.id, p3.user.id]);
  });

  it('keeps the rotation counts equal to every lead assignment of the files', async () => {
    // The counts the rotation reads (migration 0018's trigger), against the assignments themselves,
    // after the registrations, acceptances and reassignments of this file's tests.
    const counted = await db()
      .selectFrom('case_assignments as ca')
      .innerJoin('cases as c', 'c.id', 'ca.case_id')
      .select((eb) => [
        'c.institution_id',
        'c.case_type',
        'ca.user_id',
        eb.fn.countAll<number | string>().as('files'),
        eb.fn.max('ca.assigned_at').as('last_assigned'),
      ])
      .where('ca.is_lead', '=', true)
      .groupBy(['c.institution_id', 'c.case_type', 'ca.user_id'])
      .execute();
    const kept = await db().selectFrom('lead_rotation_loads').selectAll().execute();
    const key = (row: { institution_id: string; case_type: string; user_id: string }) =>
      `${row.institution_id} ${row.case_type} ${row.user_id}`;
    const asText = (rows: typeof kept | typeof counted) =>
      rows
        .map(
          (row) => `${key(row)} ${Number(row.files)} ${new Date(row.last_assigned).toISOString()}`,
        )
        .sort();
    expect(kept.length).toBeGreaterThan(0);
    expect(asText(kept)).toEqual(asText(counted));
  });

  describe('reassignment', () => {
    let office: Awaited<ReturnType<typeof buildInstitution>>;
    let first: SignedIn;
    let second: SignedIn;
    let chief: SignedIn;

    beforeAll(async () => {
      office = await buildInstitution(db(), { kind: 'prosecution_office', units: ['general'] });
      first = await staff('a-pros', 'prosecutor', office.id);
      second = await staff('b-pros', 'prosecutor', office.id);
      chief = await staff('chief', 'chief_prosecutor', office.id);
    });

    const queueOf = async (who: SignedIn, caseId: string) => {
      const response = await call(t, who.headers, 'GET', '/work-queue?limit=200');
      expect(response.status).toBe(200);
      return (response.body.items as { name: string; case: { id: string } }[])
        .filter((i) => i.case.id === caseId)
        .map((i) => i.name);
    };

    it('moves the lead with a reason, and the work queue follows', async () => {
      const id = await register(chief.headers, {
        caseType: 'prosecution_file',
        institutionId: office.id,
      });
      const lead = (await leadOf(db(), id))!;
      const [from, to] = lead === first.user.id ? [first, second] : [second, first];
      const due = new Date(t.clock.now().getTime() + 5 * 86_400_000).toISOString();
      const deadline = await api.fire(chief.headers, id, 'set_decision_deadline', { dueDate: due });
      expect(deadline.status).toBe(200);
      expect(await queueOf(from, id)).toEqual(['decide_file']);
      expect(await queueOf(to, id)).toEqual([]);

      const noReason = await api.fire(chief.headers, id, 'reassign', { userId: to.user.id });
      expect(noReason.status).toBe(400);
      expect(noReason.body.error.details.issues.map((i: { field: string }) => i.field)).toEqual([
        'payload.reason',
      ]);
      const byProsecutor = await api.fire(from.headers, id, 'reassign', {
        userId: to.user.id,
        reason: 'أريد التخلص منه',
      });
      expect(byProsecutor.status).toBe(403);
      expect(byProsecutor.body.error.code).toBe('ROLE_NOT_PERMITTED');

      const reason = 'توزيع العبء بعد إجازة الوكيل';
      const moved = await api.fire(chief.headers, id, 'reassign', { userId: to.user.id, reason });
      expect(moved.status).toBe(200);
      expect(moved.body.team).toMatchObject([{ userId: to.user.id, isLead: true }]);
      expect(moved.body.team).toHaveLength(1);
      const history = await db()
        .selectFrom('case_assignments')
        .selectAll()
        .where('case_id', '=', id)
        .orderBy('assigned_at')
        .orderBy('ended_at')
        .execute();
      expect(history).toMatchObject([
        { user_id: from.user.id, ended_at: expect.any(Date), end_reason: reason },
        { user_id: to.user.id, ended_at: null, reason, assigned_by: chief.user.id },
      ]);
      const timeline = await call(t, chief.headers, 'GET', `/cases/${id}/events`);
      expect(timeline.body.events.at(-1)).toMatchObject({
        eventType: 'reassign',
        payload: { userId: to.user.id, reason },
        actor: { userId: chief.user.id },
      });
      // The decision deadline now waits on the new lead.
      expect(await queueOf(to, id)).toEqual(['decide_file']);
      expect(await queueOf(from, id)).toEqual([]);
    });

    it('refuses to reassign to a recused user, or to someone who is no prosecutor there', async () => {
      const id = await register(chief.headers, {
        caseType: 'prosecution_file',
        institutionId: office.id,
      });
      const lead = (await leadOf(db(), id))!;
      const target = lead === first.user.id ? second : first;
      await db()
        .insertInto('role_assignments')
        .values({
          user_id: target.user.id,
          role: 'prosecutor',
          grant_kind: 'excluded',
          institution_id: office.id,
          case_id: id,
          reason: 'تعارض مصالح',
          valid_from: LONG_AGO,
        })
        .execute();
      const elsewhere = await buildInstitution(db(), { kind: 'prosecution_office' });
      const stranger = await staff('z-pros', 'prosecutor', elsewhere.id);
      const court = await buildInstitution(db(), { kind: 'court' });
      const judge = await staff('judge', 'judge', court.id);
      const before = await snapshot(db(), id);
      for (const [who, userId] of [
        ['recused', target.user.id],
        ['other office', stranger.user.id],
        ['judge', judge.user.id],
        ['chief', chief.user.id],
        ['nobody', '00000000-0000-4000-8000-000000000000'],
      ] as const) {
        const response = await api.fire(chief.headers, id, 'reassign', {
          userId,
          reason: 'إعادة توزيع',
        });
        expect({ who, status: response.status }).toEqual({ who, status: 400 });
        expect(response.body.error.details.issues[0].field).toBe('payload.userId');
      }
      expect(await snapshot(db(), id)).toEqual(before);
      expect(await leadOf(db(), id)).toBe(lead);
    });
  });
});
