/**
 * Generated data obeys the same rules as data typed into the application: every event is one the
 * workflow engine accepts at that point of the file's history; numbering, links, leads, juvenile
 * and family protection flags, detention limits and court time are what the server would have
 * written; and the caseload has the shape of one (stages, juveniles, family protection).
 */
import {
  checkDetentionOrder,
  DEFAULT_DETENTION_RULES,
  DEFAULT_JUVENILE_DETENTION_RULES,
} from '@qadiya/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reclassifyFile } from '../../src/cases/file-classification';
import { verifyAuditChain } from '../../src/audit/verify-audit-chain';
import { emptyDatabase, generateInto, type EmptyDatabase } from './generated-database';
import { replayMatters } from './replay';

const SEED = 'consistency';
// Enough files for the sample below to reach every rare part of the workflow, and for the shape
// of the caseload to show; more only makes the generation longer.
const PERSONS = 1500;
const FILES = 750;

describe('generated data', () => {
  let db: EmptyDatabase;

  beforeAll(async () => {
    db = await emptyDatabase();
    await generateInto(db, { seed: SEED, persons: PERSONS, files: FILES });
  }, 240_000);

  afterAll(async () => {
    await db.dispose();
  });

  it('replays through the workflow engine, event by event, for a sample of matters', async () => {
    // A spread of matters, and those that reach the rarer parts of the workflow.
    const pick = async (where: ReturnType<typeof sql<boolean>>, n: number) =>
      (
        await sql<{ matter_id: string }>`
          SELECT DISTINCT matter_id FROM cases c WHERE ${where} ORDER BY matter_id LIMIT ${n}`.execute(
          db.handle.db,
        )
      ).rows.map((r) => r.matter_id);
    const picks = {
      spread: await pick(sql<boolean>`true`, 60),
      appeals: await pick(sql<boolean>`c.case_type = 'appeal_case'`, 10),
      executions: await pick(sql<boolean>`c.case_type = 'execution_file'`, 10),
      juveniles: await pick(sql<boolean>`c.is_juvenile`, 15),
      familyProtection: await pick(sql<boolean>`c.is_family_protection`, 15),
      mediations: await pick(sql<boolean>`c.mediation_status IS NOT NULL`, 10),
      transfers: await pick(sql<boolean>`c.state = 'transferred'`, 3),
      detentions: await pick(
        sql<boolean>`EXISTS (SELECT 1 FROM detentions d WHERE d.case_id = c.id)`,
        10,
      ),
    };
    // The generated caseload is large enough to reach each of the rarer parts.
    const missing = Object.entries(picks).filter(([, ids]) => ids.length === 0);
    expect(missing.map(([part]) => part)).toEqual([]);
    const matters = new Set(Object.values(picks).flat());
    const { events, problems } = await replayMatters(db.handle.db, [...matters]);
    expect(problems).toEqual([]);
    expect(events).toBeGreaterThan(1000);
  });

  it('numbers each register gap-free and in the order files were numbered', async () => {
    const registers = await sql<{ n: number; max: number; min: number; out_of_order: number }>`
      SELECT count(*)::int AS n, max(serial) AS max, min(serial) AS min,
        count(*) FILTER (WHERE numbered_at < previous)::int AS out_of_order
      FROM (
        SELECT c.institution_id, c.case_type, c.year, c.serial, e.occurred_at AS numbered_at,
          lag(e.occurred_at) OVER (PARTITION BY c.institution_id, c.case_type, c.year ORDER BY c.serial) AS previous
        FROM cases c JOIN case_events e ON e.case_id = c.id AND e.event_type IN ('registered', 'accepted')
      ) numbered
      GROUP BY institution_id, case_type, year`.execute(db.handle.db);
    expect(registers.rows.length).toBeGreaterThan(10);
    for (const r of registers.rows) {
      expect([r.min, r.max, r.out_of_order]).toEqual([1, r.n, 0]);
    }
    const counters = await sql<{ wrong: number }>`
      SELECT count(*)::int AS wrong FROM case_number_counters k
      WHERE last_serial <> (SELECT max(serial) FROM cases c
        WHERE c.institution_id = k.institution_id AND c.case_type = k.case_type AND c.year = k.year)`.execute(
      db.handle.db,
    );
    expect(counters.rows[0]?.wrong).toBe(0);
    const references = await sql<{ wrong: number }>`
      SELECT count(*)::int AS wrong FROM cases c JOIN institutions i ON i.id = c.institution_id
      WHERE c.serial IS NOT NULL AND c.reference <> i.code || '/' ||
        (CASE c.case_type WHEN 'police_report' THEN 'PR' WHEN 'prosecution_file' THEN 'PF'
          WHEN 'court_case' THEN 'CR' WHEN 'appeal_case' THEN 'AP' ELSE 'EX' END)
        || '/' || c.serial || '/' || c.year`.execute(db.handle.db);
    expect(references.rows[0]?.wrong).toBe(0);
  });

  it('links every referred file to its sender, in one matter, through its outbox message', async () => {
    const broken = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cases c
      LEFT JOIN cases f ON f.id = c.referred_from_id
      LEFT JOIN case_links l ON l.from_case_id = c.referred_from_id AND l.to_case_id = c.id
      LEFT JOIN outbox o ON o.id = c.created_by_message
      WHERE c.referred_from_id IS NOT NULL
        AND (f.matter_id <> c.matter_id OR l.from_case_id IS NULL OR o.delivered_at IS NULL
          OR (o.payload ->> 'fromCaseId')::uuid <> f.id OR (o.payload ->> 'toInstitutionId')::uuid <> c.institution_id)`.execute(
      db.handle.db,
    );
    expect(broken.rows[0]?.n).toBe(0);
    const orphanLinks = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM case_links l JOIN cases t ON t.id = l.to_case_id
      WHERE t.referred_from_id IS DISTINCT FROM l.from_case_id`.execute(db.handle.db);
    expect(orphanLinks.rows[0]?.n).toBe(0);
    const pendingMessages = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM outbox WHERE delivered_at IS NULL`.execute(db.handle.db);
    expect(pendingMessages.rows[0]?.n).toBe(0);
  });

  it('gives every numbered file one lead, and court files by equal rotation', async () => {
    const leads = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM cases c
      WHERE c.intake_status = 'accepted' AND 1 <> (SELECT count(*) FROM case_assignments a
        WHERE a.case_id = c.id AND a.is_lead AND a.ended_at IS NULL)`.execute(db.handle.db);
    expect(leads.rows[0]?.n).toBe(0);
    // Every judge of a court held the role throughout, so rotation keeps their loads within one.
    const spread = await sql<{ spread: number }>`
      SELECT max(n) - min(n) AS spread FROM (
        SELECT c.institution_id, c.case_type, a.user_id, count(*) AS n
        FROM case_assignments a JOIN cases c ON c.id = a.case_id JOIN institutions i ON i.id = c.institution_id
        WHERE a.is_lead AND i.kind = 'court' GROUP BY 1, 2, 3
      ) loads GROUP BY institution_id, case_type ORDER BY 1 DESC LIMIT 1`.execute(db.handle.db);
    expect(spread.rows[0]?.spread ?? 0).toBeLessThanOrEqual(1);
  });

  it('derives ages, the juvenile flag and family protection exactly as the server does', async () => {
    const sample = await sql<{ id: string }>`
      (SELECT id FROM cases WHERE is_juvenile ORDER BY id LIMIT 40)
      UNION (SELECT id FROM cases WHERE is_family_protection ORDER BY id LIMIT 40)
      UNION (SELECT id FROM cases ORDER BY id DESC LIMIT 60)`.execute(db.handle.db);
    expect(sample.rows.length).toBeGreaterThan(100);
    const snapshot = (ids: string[]) =>
      sql`SELECT to_jsonb(c) AS file, (SELECT jsonb_agg(to_jsonb(p) ORDER BY p.id) FROM parties p WHERE p.case_id = c.id) AS parties
          FROM cases c WHERE c.id = ANY(${ids}::uuid[]) ORDER BY c.id`;
    const ids = sample.rows.map((r) => r.id);
    const before = await snapshot(ids).execute(db.handle.db);
    const rolledBack = new Error('roll back');
    let changed = 0;
    let after: unknown;
    await db.handle.db
      .transaction()
      .execute(async (trx) => {
        const audit = {
          origin: { requestId: null, sourceIp: null, occurredAt: new Date() },
          actor: { userId: null, username: 'test' },
          timeZone: db.config.timeZone,
        };
        for (const id of ids) if ((await reclassifyFile(trx, audit, id)).changed) changed += 1;
        after = (await snapshot(ids).execute(trx)).rows;
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    expect(changed).toBe(0);
    expect(after).toEqual(before.rows);
  });

  it('keeps every detention order within the legal limits, and nobody held past an expiry', async () => {
    const detentions = await db.handle.db
      .selectFrom('detentions')
      .select(['id', 'arrested_at', 'is_juvenile', 'released_at'])
      .execute();
    const orders = await db.handle.db
      .selectFrom('detention_orders')
      .selectAll()
      .orderBy('issued_at')
      .execute();
    expect(detentions.length).toBeGreaterThan(20);
    const asOf = new Date('2026-11-28T00:00:00+02:00');
    for (const d of detentions) {
      const own = orders.filter((o) => o.detention_id === d.id);
      own.forEach((order, i) => {
        const check = checkDetentionOrder(
          d.is_juvenile ? DEFAULT_JUVENILE_DETENTION_RULES : DEFAULT_DETENTION_RULES,
          {
            authority: order.authority,
            duration:
              (order.expires_at.getTime() - order.starts_at.getTime()) /
              (order.authority === 'court' ? 86_400_000 : 3_600_000),
            arrestedAt: d.arrested_at,
            previousOrders: own.slice(0, i).map((o) => ({
              authority: o.authority,
              startsAt: o.starts_at,
              expiresAt: o.expires_at,
            })),
            now: order.issued_at,
          },
        );
        expect(check).toMatchObject({
          ok: true,
          startsAt: order.starts_at,
          expiresAt: order.expires_at,
        });
      });
      const expiry = Math.max(...own.map((o) => o.expires_at.getTime()));
      const heldUntil = d.released_at?.getTime() ?? asOf.getTime();
      expect(heldUntil).toBeLessThanOrEqual(expiry);
    }
  });

  it('never books a judge or a room twice at once', async () => {
    const clashes = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM hearings a JOIN hearings b ON a.id < b.id
        AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at
      WHERE (a.court_id = b.court_id AND lower(a.room) = lower(b.room))
        OR EXISTS (SELECT 1 FROM hearing_judges x JOIN hearing_judges y ON y.judge_id = x.judge_id
          WHERE x.hearing_id = a.id AND y.hearing_id = b.id)`.execute(db.handle.db);
    expect(clashes.rows[0]?.n).toBe(0);
  });

  it('has the shape of a caseload', async () => {
    const one = async <T>(query: ReturnType<typeof sql<T>>) =>
      (await query.execute(db.handle.db)).rows[0] as T;
    const prosecution = await one(sql<{ closed: number; indicted: number }>`
      SELECT count(*) FILTER (WHERE state = 'closed')::int AS closed, count(*) FILTER (WHERE state = 'indicted')::int AS indicted
      FROM cases WHERE case_type = 'prosecution_file'`);
    const closedShare = prosecution.closed / (prosecution.closed + prosecution.indicted);
    expect(closedShare).toBeGreaterThan(0.3);
    expect(closedShare).toBeLessThan(0.7);
    const courts = await one(sql<{ magistrate: number; all: number }>`
      SELECT count(*) FILTER (WHERE i.court_level = 'magistrate')::int AS magistrate, count(*)::int AS all
      FROM cases c JOIN institutions i ON i.id = c.institution_id WHERE c.case_type = 'court_case'`);
    expect(courts.magistrate / courts.all).toBeGreaterThan(0.6);
    const accused = await one(sql<{ juvenile: number; all: number; male: number }>`
      SELECT count(*) FILTER (WHERE p.age_status = 'juvenile')::int AS juvenile, count(*)::int AS all,
        count(*) FILTER (WHERE pe.sex = 'male')::int AS male
      FROM parties p JOIN persons pe ON pe.id = p.person_id WHERE p.role = 'accused'`);
    expect(accused.juvenile / accused.all).toBeGreaterThan(0.02);
    expect(accused.juvenile / accused.all).toBeLessThan(0.25);
    expect(accused.male / accused.all).toBeGreaterThan(0.75);
    const victims = await one(sql<{ female: number; all: number }>`
      SELECT count(*) FILTER (WHERE pe.sex = 'female')::int AS female, count(*)::int AS all
      FROM parties p JOIN persons pe ON pe.id = p.person_id JOIN cases c ON c.id = p.case_id
      WHERE p.role = 'victim' AND c.is_family_protection`);
    expect(victims.female / victims.all).toBeGreaterThan(0.6);
    for (const [what, query] of [
      [
        'appeals',
        sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE case_type = 'appeal_case'`,
      ],
      [
        'executions',
        sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE case_type = 'execution_file'`,
      ],
      [
        'fulfilled mediations',
        sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM cases WHERE mediation_status = 'fulfilled'`,
      ],
      [
        'adjournments',
        sql<{ n: number }>`SELECT count(*)::int AS n FROM hearings WHERE status = 'adjourned'`,
      ],
      [
        'open files',
        sql<{ n: number }>`SELECT count(*)::int AS n FROM cases WHERE NOT is_disposed`,
      ],
      [
        'open deadlines',
        sql<{ n: number }>`SELECT count(*)::int AS n FROM deadlines WHERE completed_at IS NULL`,
      ],
    ] as const) {
      expect({ what, n: (await one(query)).n > 0 }).toEqual({ what, n: true });
    }
  });

  it('leaves the audit chain intact, with one row for the whole generation', async () => {
    expect((await verifyAuditChain(db.handle.db)).isValid).toBe(true);
    const rows = await db.handle.db.selectFrom('audit_log').select(['action', 'details']).execute();
    expect(rows.map((r) => r.action)).toEqual(['system.data_generated']);
    expect(rows[0]?.details).toMatchObject({ seed: SEED, files: FILES, persons: PERSONS });
  });
});
