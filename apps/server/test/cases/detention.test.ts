/**
 * Detention through the events of a police report and a prosecution file: the rule table of Law
 * 3/2001 decides each order, and every order replaces the detention's deadline.
 */
import type { DatabaseHandle } from '../../src/db/database';
import { beforeAll, describe, expect, it } from 'vitest';
import { sharedTestDatabase } from '../support/database';
import { buildInstitution, buildUser } from '../support/factories';
import {
  DAY,
  deadlinesOf,
  detentionOf,
  fileWithAccused,
  fire,
  HOUR,
  refusal,
} from './lifecycle-fixtures';

let handle: DatabaseHandle;
// The first suite of a worker also migrates its database: slow on a loaded machine.
beforeAll(async () => {
  handle = await sharedTestDatabase();
}, 180_000);

async function ordersOf(detentionId: string) {
  return handle.db
    .selectFrom('detention_orders')
    .selectAll()
    .where('detention_id', '=', detentionId)
    .orderBy('starts_at')
    .execute();
}

async function versionOf(caseId: string) {
  const row = await handle.db
    .selectFrom('cases')
    .select('version')
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe('police hold', () => {
  it('refuses 25 hours and accepts 24, with an urgent deadline for the investigator', async () => {
    const { file, officer, partyId } = await fileWithAccused(handle.db, 'police_report');
    const arrestedAt = new Date(Date.now() - HOUR);
    await fire(handle.db, officer.id, file.id, 'arrest', {
      partyId,
      arrestedAt: arrestedAt.toISOString(),
      place: 'مركز شرطة البيرة',
    });
    const detention = await detentionOf(handle.db, file.id, partyId);
    expect(detention).toMatchObject({ place: 'مركز شرطة البيرة', released_at: null });
    expect(detention.arrested_at.getTime()).toBe(arrestedAt.getTime());

    const before = await versionOf(file.id);
    const tooLong = await refusal(
      fire(handle.db, officer.id, file.id, 'police_hold', {
        detentionId: detention.id,
        duration: 25,
        reason: 'استكمال التحريات',
      }),
    );
    expect(tooLong.status).toBe(409);
    expect(tooLong.code).toBe('DETENTION_ORDER_TOO_LONG');
    expect(tooLong.details).toMatchObject({ maxPerOrder: 24, unit: 'hours' });
    expect(await versionOf(file.id)).toBe(before);
    expect(await ordersOf(detention.id)).toHaveLength(0);

    await fire(handle.db, officer.id, file.id, 'police_hold', {
      detentionId: detention.id,
      duration: 24,
      reason: 'استكمال التحريات',
    });
    const [order] = await ordersOf(detention.id);
    expect(order).toMatchObject({ authority: 'police', issued_by: officer.id });
    // The police hold runs from the arrest.
    expect(order!.starts_at.getTime()).toBe(arrestedAt.getTime());
    expect(order!.expires_at.getTime()).toBe(arrestedAt.getTime() + 24 * HOUR);

    const [deadline] = await deadlinesOf(handle.db, file.id);
    expect(deadline).toMatchObject({
      kind: 'detention',
      name: 'detention_expiry',
      priority: 'urgent',
      title_ar: 'انتهاء مدة التوقيف',
      title_en: 'Detention expires',
      subject_id: order!.id,
      assignee_user_id: officer.id,
      institution_id: file.institution_id,
      completed_at: null,
    });
    expect(deadline!.due_at.getTime()).toBe(order!.expires_at.getTime());
  });
});

describe('prosecution order and court extensions', () => {
  it('accepts 48 h, then 15-day extensions up to 45 days, and refuses 16 days or beyond 45', async () => {
    const { file, officer, partyId } = await fileWithAccused(handle.db, 'prosecution_file');
    const arrestedAt = new Date(Date.now() - 2 * HOUR);
    await fire(handle.db, officer.id, file.id, 'arrest', {
      partyId,
      arrestedAt: arrestedAt.toISOString(),
    });
    const detention = await detentionOf(handle.db, file.id, partyId);
    const order = (event: string, duration: number, now = new Date()) =>
      fire(
        handle.db,
        officer.id,
        file.id,
        event,
        { detentionId: detention.id, duration, reason: 'خشية الفرار' },
        now,
      );

    await order('order_detention', 48);
    let orders = await ordersOf(detention.id);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.authority).toBe('prosecution');
    expect(orders[0]!.expires_at.getTime()).toBe(arrestedAt.getTime() + 48 * HOUR);

    const sixteen = await refusal(order('extend_detention', 16));
    expect(sixteen.code).toBe('DETENTION_ORDER_TOO_LONG');
    expect(sixteen.details).toMatchObject({ authority: 'court', maxPerOrder: 15, unit: 'days' });

    // Each extension continues from the current expiry and replaces the deadline.
    const prosecutionExpiry = arrestedAt.getTime() + 48 * HOUR;
    for (let i = 1; i <= 3; i++) {
      await order('extend_detention', 15, new Date(Date.now() + (i - 1) * 15 * DAY));
      orders = await ordersOf(detention.id);
      const latest = orders[orders.length - 1]!;
      expect(latest.authority).toBe('court');
      expect(latest.starts_at.getTime()).toBe(prosecutionExpiry + (i - 1) * 15 * DAY);
      expect(latest.expires_at.getTime()).toBe(prosecutionExpiry + i * 15 * DAY);
      const deadlines = await deadlinesOf(handle.db, file.id);
      const open = deadlines.filter((d) => d.completed_at === null);
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ kind: 'detention', subject_id: latest.id });
      expect(open[0]!.due_at.getTime()).toBe(latest.expires_at.getTime());
      expect(deadlines.filter((d) => d.completed_at !== null)).toHaveLength(i);
    }

    const before = await versionOf(file.id);
    const beyond = await refusal(order('extend_detention', 1, new Date(Date.now() + 40 * DAY)));
    expect(beyond.status).toBe(409);
    expect(beyond.code).toBe('DETENTION_TOTAL_EXCEEDED');
    expect(beyond.details).toMatchObject({ maxCumulative: 45, remaining: 0, rule: beyond.code });
    expect(beyond.details.messageAr).toEqual(expect.any(String));
    expect(await versionOf(file.id)).toBe(before);
    expect(await ordersOf(detention.id)).toHaveLength(4);
  });

  it('refuses an order once the current one has expired', async () => {
    const { file, officer, partyId } = await fileWithAccused(handle.db, 'prosecution_file');
    await fire(handle.db, officer.id, file.id, 'arrest', {
      partyId,
      arrestedAt: new Date().toISOString(),
    });
    const detention = await detentionOf(handle.db, file.id, partyId);
    const payload = { detentionId: detention.id, duration: 24, reason: 'تحقيق' };
    await fire(handle.db, officer.id, file.id, 'order_detention', payload);
    const late = await refusal(
      fire(
        handle.db,
        officer.id,
        file.id,
        'extend_detention',
        { ...payload, duration: 10 },
        new Date(Date.now() + 25 * HOUR),
      ),
    );
    expect(late.code).toBe('DETENTION_EXPIRED');
  });

  it("gives the deadline to the office's prosecutors when the file has no lead", async () => {
    // A chief prosecutor registers at an office with no prosecutor to rotate to: no lead.
    const office = await buildInstitution(handle.db, { kind: 'prosecution_office' });
    const chief = await buildUser(handle.db, {
      institutionId: office.id,
      grants: [{ role: 'chief_prosecutor', institutionId: office.id }],
    });
    const { file, partyId } = await fileWithAccused(handle.db, 'prosecution_file', {
      institutionId: office.id,
      registrar: chief,
    });
    await fire(handle.db, chief.id, file.id, 'arrest', {
      partyId,
      arrestedAt: new Date().toISOString(),
    });
    const detention = await detentionOf(handle.db, file.id, partyId);
    await fire(handle.db, chief.id, file.id, 'order_detention', {
      detentionId: detention.id,
      duration: 48,
      reason: 'تحقيق',
    });
    const [deadline] = await deadlinesOf(handle.db, file.id);
    expect(deadline).toMatchObject({
      kind: 'detention',
      assignee_user_id: null,
      assignee_role: 'prosecutor',
    });
  });
});

describe('release', () => {
  it('refuses a release before the arrest, and completes the detention deadline', async () => {
    const { file, officer, partyId } = await fileWithAccused(handle.db, 'prosecution_file');
    const arrestedAt = new Date(Date.now() - 3 * HOUR);
    await fire(handle.db, officer.id, file.id, 'arrest', {
      partyId,
      arrestedAt: arrestedAt.toISOString(),
    });
    const detention = await detentionOf(handle.db, file.id, partyId);
    await fire(handle.db, officer.id, file.id, 'order_detention', {
      detentionId: detention.id,
      duration: 48,
      reason: 'تحقيق',
    });

    const early = await refusal(
      fire(handle.db, officer.id, file.id, 'release', {
        detentionId: detention.id,
        releasedAt: new Date(arrestedAt.getTime() - HOUR).toISOString(),
        reason: 'كفالة',
      }),
    );
    expect(early.status).toBe(400);
    expect(early.details.issues).toEqual([
      { field: 'payload.releasedAt', in: 'body', problem: 'is before the arrest' },
    ]);

    const releasedAt = new Date(Date.now() - 60_000);
    await fire(handle.db, officer.id, file.id, 'release', {
      detentionId: detention.id,
      releasedAt: releasedAt.toISOString(),
      reason: 'كفالة',
    });
    const released = await detentionOf(handle.db, file.id, partyId);
    expect(released.released_at?.getTime()).toBe(releasedAt.getTime());
    expect(released.release_reason).toBe('كفالة');
    const deadlines = await deadlinesOf(handle.db, file.id);
    expect(deadlines.filter((d) => d.kind === 'detention')).toHaveLength(1);
    expect(deadlines.every((d) => d.completed_at !== null)).toBe(true);

    const afterRelease = await refusal(
      fire(handle.db, officer.id, file.id, 'extend_detention', {
        detentionId: detention.id,
        duration: 5,
        reason: 'تمديد',
      }),
    );
    expect(afterRelease.code).toBe('DETENTION_NOT_OPEN');
  });
});
