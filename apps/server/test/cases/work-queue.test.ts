/**
 * GET /api/v1/work-queue: a user's open deadlines, by urgency, from assignment to them or to a role
 * they hold at the deadline's institution, and only on files they may see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeadlineKind, DeadlinePriority } from '../../src/db/schema';
import { buildTestApp, type TestApp } from '../support/app';
import { buildInstitution, signedInUser } from '../support/factories';
import { detentionOf, fileWithAccused, fire, HOUR } from './lifecycle-fixtures';

describe('work queue', () => {
  let t: TestApp;
  let office: string;
  let lead: Awaited<ReturnType<typeof signedInUser>>;
  let colleague: Awaited<ReturnType<typeof signedInUser>>;
  let recused: Awaited<ReturnType<typeof signedInUser>>;
  let outsider: Awaited<ReturnType<typeof signedInUser>>;
  const ids: Record<string, string> = {};

  async function deadline(
    caseId: string,
    name: string,
    dueInHours: number,
    options: {
      kind?: DeadlineKind;
      priority?: DeadlinePriority;
      userId?: string | null;
      role?: 'prosecutor' | null;
      isCompleted?: boolean;
    } = {},
  ) {
    const now = new Date();
    const row = await t.handle.db
      .insertInto('deadlines')
      .values({
        case_id: caseId,
        name,
        title_ar: `مهمة ${name}`,
        title_en: `Task ${name}`,
        kind: options.kind ?? 'deadline',
        priority: options.priority ?? 'normal',
        due_at: new Date(now.getTime() + dueInHours * HOUR),
        assignee_user_id: options.userId ?? null,
        assignee_role: options.role ?? null,
        institution_id: office,
        completed_at: options.isCompleted ? now : null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[name] = row.id;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    const db = t.handle.db;
    office = (await buildInstitution(db, { kind: 'prosecution_office' })).id;
    const prosecutor = [{ role: 'prosecutor' as const, institutionId: office }];
    lead = await signedInUser(db, { institutionId: office, grants: prosecutor });

    // File A: a detention ordered by the lead gives them its expiry deadline.
    const a = await fileWithAccused(db, 'prosecution_file', {
      institutionId: office,
      registrar: lead.user,
    });
    await fire(db, lead.user.id, a.file.id, 'arrest', {
      partyId: a.partyId,
      arrestedAt: new Date().toISOString(),
    });
    const detention = await detentionOf(db, a.file.id, a.partyId);
    await fire(db, lead.user.id, a.file.id, 'order_detention', {
      detentionId: detention.id,
      duration: 48,
      reason: 'خشية التأثير على الشهود',
    });
    ids.fileA = a.file.id;

    const b = await fileWithAccused(db, 'prosecution_file', {
      institutionId: office,
      registrar: lead.user,
    });
    const c = await fileWithAccused(db, 'prosecution_file', {
      institutionId: office,
      registrar: lead.user,
    });
    ids.fileB = b.file.id;
    ids.fileC = c.file.id;

    colleague = await signedInUser(db, { institutionId: office, grants: prosecutor });
    recused = await signedInUser(db, {
      institutionId: office,
      grants: [
        ...prosecutor,
        {
          role: 'prosecutor',
          institutionId: office,
          grantKind: 'excluded',
          caseId: b.file.id,
          reason: 'صلة قرابة بالمشتكى عليه',
        },
      ],
    });
    const otherOffice = (await buildInstitution(db, { kind: 'prosecution_office' })).id;
    outsider = await signedInUser(db, {
      institutionId: otherOffice,
      grants: [{ role: 'prosecutor', institutionId: otherOffice }],
    });

    await deadline(b.file.id, 'overdue', -1, { userId: lead.user.id });
    await deadline(b.file.id, 'urgent_task', 48, {
      kind: 'task',
      priority: 'urgent',
      userId: lead.user.id,
    });
    await deadline(b.file.id, 'high', 24, { priority: 'high', userId: lead.user.id });
    await deadline(b.file.id, 'normal', 3, { userId: lead.user.id });
    await deadline(b.file.id, 'done', 1, { userId: lead.user.id, isCompleted: true });
    await deadline(b.file.id, 'office_b', 5, { role: 'prosecutor' });
    await deadline(c.file.id, 'office_c', 6, { role: 'prosecutor' });
    // Assigned by name, yet on a file the assignee may not see: hidden all the same.
    await deadline(b.file.id, 'recused_own', 2, { userId: recused.user.id });
    await deadline(b.file.id, 'outsider_own', 2, { userId: outsider.user.id });
    // The first suite of a worker also migrates its database: slow on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await t.app.close();
  });

  const queue = (headers: Record<string, string>, query = '') =>
    t.app.inject({ method: 'GET', url: `/api/v1/work-queue${query}`, headers });
  const names = (body: { items: { name: string; case: { id: string } }[] }) =>
    body.items.map((i) => (i.name === 'detention_expiry' ? `detention:${i.case.id}` : i.name));

  it('puts detention first, then overdue, then priority, then due time', async () => {
    const response = await queue(lead.headers);
    expect(response.statusCode).toBe(200);
    expect(names(response.json())).toEqual([
      `detention:${ids.fileA}`,
      'overdue',
      'urgent_task',
      'high',
      'normal',
      'office_b',
      'office_c',
    ]);
    const [detention, overdue] = response.json().items;
    expect(detention).toMatchObject({
      kind: 'detention',
      title: { ar: 'انتهاء مدة التوقيف', en: 'Detention expires' },
      priority: 'urgent',
      isOverdue: false,
      case: {
        id: ids.fileA,
        reference: expect.stringContaining('/PF/'),
        caseType: 'prosecution_file',
        state: 'registered',
        institutionId: office,
      },
    });
    expect(overdue).toMatchObject({
      id: ids.overdue,
      kind: 'deadline',
      title: { ar: 'مهمة overdue', en: 'Task overdue' },
      isOverdue: true,
    });
  });

  it("shows a colleague only the items of the role they hold at the deadline's institution", async () => {
    const response = await queue(colleague.headers);
    expect(names(response.json())).toEqual(['office_b', 'office_c']);
  });

  it('hides the items of a file the user is recused from', async () => {
    const response = await queue(recused.headers);
    expect(names(response.json())).toEqual(['office_c']);
  });

  it("shows another institution's user nothing", async () => {
    const response = await queue(outsider.headers);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [] });
  });

  it('filters by kind and overdue, and limits', async () => {
    expect(names((await queue(lead.headers, '?kind=detention')).json())).toEqual([
      `detention:${ids.fileA}`,
    ]);
    expect(names((await queue(lead.headers, '?kind=task')).json())).toEqual(['urgent_task']);
    expect(names((await queue(lead.headers, '?overdueOnly=true')).json())).toEqual(['overdue']);
    expect(names((await queue(lead.headers, '?limit=2')).json())).toEqual([
      `detention:${ids.fileA}`,
      'overdue',
    ]);
  });

  it('drops a deadline from the queue once it is completed', async () => {
    await t.handle.db
      .updateTable('deadlines')
      .set({ completed_at: new Date() })
      .where('id', '=', ids.office_c!)
      .execute();
    expect(names((await queue(colleague.headers)).json())).toEqual(['office_b']);
  });

  it('refuses a bad filter with 400 naming it, and an anonymous caller with 401', async () => {
    const bad = await queue(lead.headers, '?kind=holiday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(bad.json().error.details)).toContain('kind');
    expect((await queue({})).statusCode).toBe(401);
  });
});
