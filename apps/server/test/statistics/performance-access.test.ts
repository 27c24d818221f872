/**
 * Who may read the performance measures, what a bad request gets, the drill-down to the files
 * behind a figure, and the CSV and XLSX exports (issue 8). Analysts see the country or any
 * institution and never a name; a chief prosecutor sees their own office, a court president their
 * own court, and each is refused any other (403, audited); every other role is refused. Bad periods, dimensions and measures are
 * 400s naming the field, with a code.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/app';
import { signedInUser } from '../support/factories';
import {
  buildOrganisation,
  generateDataset,
  insertDataset,
  type Dataset,
} from './performance-dataset';

type Headers = Record<string, string>;

let t: TestApp;
let data: Dataset;
let analyst: Headers;
let chief: { headers: Headers; userId: string };
let prosecutor: { headers: Headers; userId: string };
const LONG_AGO = new Date('2020-01-01T00:00:00Z');
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.handle.db;
  data = generateDataset(4_242, await buildOrganisation(db), 40);
  await insertDataset(db, data);
  analyst = (
    await signedInUser(db, {
      grants: [{ role: 'analyst', institutionId: null, validFrom: LONG_AGO }],
    })
  ).headers;
  const office = data.institutions.prosecution;
  const c = await signedInUser(db, {
    institutionId: office,
    grants: [{ role: 'chief_prosecutor', institutionId: office, validFrom: LONG_AGO }],
  });
  chief = { headers: c.headers, userId: c.user.id };
  const p = await signedInUser(db, {
    institutionId: office,
    grants: [{ role: 'prosecutor', institutionId: office, validFrom: LONG_AGO }],
  });
  prosecutor = { headers: p.headers, userId: p.user.id };
}, 120_000);

afterAll(async () => {
  await t.app.close();
});

async function get(path: string, headers: Headers, query: Record<string, string>) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/statistics/${path}?${new URLSearchParams(query).toString()}`,
    headers,
  });
  return response;
}

const deniedRows = (userId: string) =>
  t.handle.db
    .selectFrom('audit_log')
    .selectAll()
    .where('actor_user_id', '=', userId)
    .where('action', '=', 'access.denied')
    .execute();

describe('who may read the performance measures', () => {
  it('gives a chief prosecutor their own office by default, and refuses another (audited)', async () => {
    const own = await get('performance', chief.headers, { ...YEAR, measures: 'clearance_rate' });
    expect(own.statusCode).toBe(200);
    expect(own.json().institutions.map((i: { id: string }) => i.id)).toEqual([
      data.institutions.prosecution,
    ]);
    const other = await get('performance', chief.headers, {
      ...YEAR,
      institutionId: data.institutions.court,
    });
    expect(other.statusCode).toBe(403);
    expect((await deniedRows(chief.userId)).length).toBeGreaterThan(0);
  });

  it('gives a court president their own court, and refuses the prosecution office (audited)', async () => {
    const court = data.institutions.court;
    const president = await signedInUser(t.handle.db, {
      institutionId: court,
      grants: [{ role: 'court_president', institutionId: court, validFrom: LONG_AGO }],
    });
    const own = await get('performance', president.headers, {
      ...YEAR,
      measures: 'clearance_rate,trial_date_certainty',
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().institutions.map((i: { id: string }) => i.id)).toEqual([court]);
    const office = await get('performance', president.headers, {
      ...YEAR,
      institutionId: data.institutions.prosecution,
    });
    expect(office.statusCode).toBe(403);
    expect((await deniedRows(president.user.id)).length).toBeGreaterThan(0);
  });

  it('refuses a prosecutor, audited', async () => {
    const response = await get('performance', prosecutor.headers, YEAR);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('FORBIDDEN');
    expect((await deniedRows(prosecutor.userId)).length).toBeGreaterThan(0);
  });

  it('refuses anyone not signed in', async () => {
    expect((await get('performance', {}, YEAR)).statusCode).toBe(401);
  });

  it('never gives an analyst a name: no party, file number or staff name', async () => {
    const response = await get('performance', analyst, {
      ...YEAR,
      institutionId: data.institutions.prosecution,
      splitBy: 'accusedSex,victimSex',
    });
    expect(response.statusCode).toBe(200);
    const text = response.body;
    expect(text).not.toMatch(/أداء|PERF-|User user\.|مستخدم/);
    for (const id of [...data.users.prosecutors, ...data.persons.map((p) => p.id)]) {
      expect(text).not.toContain(id);
    }
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, string>, string, string][] = [
    ['an inverted period', { from: '2025-12-31', to: '2025-01-01' }, 'to', 'PERIOD_INVERTED'],
    ['a period over 366 days', { from: '2024-01-01', to: '2025-06-30' }, 'to', 'PERIOD_TOO_LONG'],
    ['an absurd year', { from: '1066-10-14', to: '1066-12-25' }, 'from', 'PERIOD_TOO_EARLY'],
    [
      'a period in the future',
      { from: '2999-01-01', to: '2999-02-01' },
      'from',
      'PERIOD_IN_FUTURE',
    ],
    [
      'an unknown dimension',
      { ...YEAR, splitBy: 'accusedShoeSize' },
      'splitBy',
      'UNKNOWN_DIMENSION',
    ],
    [
      'too many dimensions',
      { ...YEAR, splitBy: 'accusedSex,victimSex,relationship' },
      'splitBy',
      'TOO_MANY_DIMENSIONS',
    ],
    [
      'a dimension twice',
      { ...YEAR, splitBy: 'accusedSex,accusedSex' },
      'splitBy',
      'DUPLICATE_DIMENSION',
    ],
    ['an unknown measure', { ...YEAR, measures: 'happiness' }, 'measures', 'UNKNOWN_MEASURE'],
  ];
  for (const [what, query, field, code] of cases) {
    it(`answers ${what} with a 400 naming ${field} (${code})`, async () => {
      const response = await get('performance', analyst, query);
      expect(response.statusCode).toBe(400);
      const error = response.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.issues).toEqual([expect.objectContaining({ field, code })]);
    });
  }

  it('answers a malformed date, case type or offence class with a 400 naming the field', async () => {
    for (const [query, field] of [
      [{ from: 'yesterday', to: '2025-01-01' }, 'from'],
      [{ from: '2025-02-30', to: '2025-03-31' }, 'from'],
      [{ ...YEAR, caseType: 'divorce' }, 'caseType'],
      [{ ...YEAR, offenceClass: 'treason' }, 'offenceClass'],
    ] as const) {
      const response = await get('performance', analyst, query);
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain(field);
    }
  });

  it('answers an unknown institution or unit with a 404, a unit of another institution with a 400', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await get('performance', analyst, { ...YEAR, institutionId: id })).statusCode).toBe(
      404,
    );
    expect((await get('performance', analyst, { ...YEAR, unitId: id })).statusCode).toBe(404);
    const mixed = await get('performance', analyst, {
      ...YEAR,
      unitId: data.unitId,
      institutionId: data.institutions.court,
    });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.details.issues[0].code).toBe('UNIT_NOT_IN_INSTITUTION');
  });
});

describe('the files behind a figure', () => {
  it('lists the files a chief prosecutor may open, and counts the others', async () => {
    const measures = await get('performance', chief.headers, {
      ...YEAR,
      measures: 'disposition_time',
    });
    const pending = measures.json().measures[0].rows[0].values.pending as number;
    const response = await get('performance/files', chief.headers, {
      ...YEAR,
      figure: 'pending',
      limit: '200',
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: { id: string }[]; total: number; hiddenCount: number }>();
    // Files, not units: a file with two accused counts twice in the figure, once in the list.
    const pendingFiles = new Set(
      data.files
        .filter(
          (f) =>
            f.institutionId === data.institutions.prosecution &&
            !f.isReturned &&
            f.openedAt < new Date('2025-12-31T22:00:00Z') &&
            data.parties.some((p) => p.fileId === f.id && p.role === 'accused'),
        )
        .map((f) => f.id),
    );
    expect(body.total + body.hiddenCount).toBeLessThanOrEqual(pendingFiles.size);
    expect(body.total + body.hiddenCount).toBeLessThanOrEqual(pending);
    expect(body.total).toBeGreaterThan(0);
    for (const item of body.items) {
      expect(pendingFiles.has(item.id)).toBe(true);
      const file = data.files.find((f) => f.id === item.id);
      // A chief prosecutor reads restricted files of their office, never juvenile ones unless
      // the policy says so: whatever is listed is a file the policy lets them open.
      expect(file?.institutionId).toBe(data.institutions.prosecution);
    }
  });

  it('gives an analyst no file at all, only the count', async () => {
    const response = await get('performance/files', analyst, {
      ...YEAR,
      institutionId: data.institutions.prosecution,
      figure: 'incoming',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toEqual([]);
    expect(response.json().total).toBe(0);
    expect(response.json().hiddenCount).toBeGreaterThan(0);
  });

  it('refuses a prosecutor', async () => {
    const response = await get('performance/files', prosecutor.headers, {
      ...YEAR,
      figure: 'incoming',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('exports', () => {
  it('exports a measure table as CSV with the same figures as the API', async () => {
    const query = { ...YEAR, institutionId: data.institutions.prosecution, splitBy: 'accusedSex' };
    const api = await get('performance', analyst, { ...query, measures: 'clearance_rate' });
    const response = await get('performance/export', analyst, {
      ...query,
      measure: 'clearance_rate',
      format: 'csv',
      lang: 'en',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('clearance_rate_2025-01-01');
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Category,Incoming,Disposed,Clearance rate %');
    const table = api.json<{
      measures: { rows: { values: Record<string, number | null> }[] }[];
    }>().measures[0]!;
    expect(lines).toHaveLength(1 + table.rows.length);
    table.rows.forEach((row, i) => {
      const cells = lines[i + 1]!.split(',');
      expect(Number(cells[1])).toBe(row.values.incoming);
      expect(Number(cells[2])).toBe(row.values.disposed);
      expect(cells[3]).toBe(
        row.values.clearance_rate === null ? '' : String(row.values.clearance_rate),
      );
    });
  });

  it('exports it as XLSX, right to left in Arabic', async () => {
    const response = await get('performance/export', analyst, {
      ...YEAR,
      measure: 'pending_age',
      format: 'xlsx',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('pending_age');
    expect(sheet?.views[0]?.rightToLeft).toBe(true);
    expect(sheet?.getRow(4).getCell(1).value).toBe('الفئة');
    expect(sheet?.getRow(5).getCell(1).value).toBe('المجموع');
    expect(typeof sheet?.getRow(5).getCell(2).value).toBe('number');
  });

  it('refuses a prosecutor', async () => {
    const response = await get('performance/export', prosecutor.headers, {
      ...YEAR,
      measure: 'attrition',
      format: 'csv',
    });
    expect(response.statusCode).toBe(403);
  });
});
