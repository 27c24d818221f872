/**
 * The open data (issue 8, item 6): aggregate performance measures of a period, published without
 * signing in. What it holds, and what it never holds:
 * - only counts, percentages and days, per institution and for the whole country: never a name,
 *   a file number or anything about one file;
 * - only files that are normal (not restricted or sealed), not juvenile and not family
 *   protection; juvenile and family protection files are published only as national totals of
 *   units incoming, disposed of and pending, each withheld below the threshold;
 * - every count below QADIYA_SMALL_CELL_THRESHOLD (zero included) is withheld, and so is every
 *   count from which a withheld one could be worked out (small-cells.ts: the institutions add up
 *   to the country; reported = indicted + not indicted; indicted = convicted + not convicted;
 *   held = held beyond the limits + held within them). A percentage or a disposition time is
 *   published only when every count it is computed from is.
 * No actor: nothing here reads a file one by one, so nothing is audited.
 */
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock';
import type { Config } from '../../config';
import type { Database, InstitutionRow } from '../../db/schema';
import { percent } from '../performance-definitions';
import {
  countAttrition,
  countBacklog,
  countClearance,
  countDetention,
  type FileClass,
  type PerformanceScope,
} from '../performance.repository';
import { checkedPeriod } from '../performance-scope';
import { dispositionTime } from '../performance-tables';
import { protectSmallCells, type CellTable } from '../small-cells';
import type { OpenDataQuery, OpenDataResponse } from './open-data.schemas';

interface OpenDataContext {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
}

/** The published counts; those ending in `_rest` are never shown, only protected. */
const COUNTS = [
  'incoming',
  'disposed',
  'pending',
  'reported',
  'indicted',
  'not_indicted_rest',
  'convicted',
  'indicted_not_convicted_rest',
  'held',
  'beyond_limits',
  'held_within_limits_rest',
] as const;
type Count = (typeof COUNTS)[number];

const COLUMNS: OpenDataResponse['columns'] = [
  { code: 'incoming', labels: { ar: 'الوارد', en: 'Incoming' }, unit: 'count' },
  { code: 'disposed', labels: { ar: 'المفصول', en: 'Disposed' }, unit: 'count' },
  {
    code: 'clearance_rate',
    labels: { ar: 'معدل الإنجاز %', en: 'Clearance rate %' },
    unit: 'percent',
  },
  {
    code: 'pending',
    labels: { ar: 'المنظور في نهاية الفترة', en: 'Pending at the end' },
    unit: 'count',
  },
  {
    code: 'disposition_time',
    labels: { ar: 'مدة التصرف بالأيام (CEPEJ)', en: 'Disposition time, days (CEPEJ)' },
    unit: 'days',
  },
  { code: 'reported', labels: { ar: 'المبلغ عنهم', en: 'Reported' }, unit: 'count' },
  { code: 'indicted', labels: { ar: 'وُجّه إليهم اتهام', en: 'Indicted' }, unit: 'count' },
  { code: 'convicted', labels: { ar: 'المدانون', en: 'Convicted' }, unit: 'count' },
  { code: 'held', labels: { ar: 'الموقوفون', en: 'In detention' }, unit: 'count' },
  {
    code: 'beyond_limits',
    labels: { ar: 'موقوفون دون أمر ساري', en: 'Held beyond the limits' },
    unit: 'count',
  },
];

const RELATIONS = [
  { total: 'reported', parts: ['indicted', 'not_indicted_rest'] },
  { total: 'indicted', parts: ['convicted', 'indicted_not_convicted_rest'] },
  { total: 'held', parts: ['beyond_limits', 'held_within_limits_rest'] },
];

type ByKey = Map<string, Record<Count, number>>;

/** The counts of one class of files, by institution (`key`: institution id). */
async function countsByInstitution(db: Kysely<Database>, scope: PerformanceScope): Promise<ByKey> {
  const out: ByKey = new Map();
  const row = (key: string) => {
    let r = out.get(key);
    if (!r) {
      r = Object.fromEntries(COUNTS.map((c) => [c, 0])) as Record<Count, number>;
      out.set(key, r);
    }
    return r;
  };
  for (const r of await countClearance(db, scope)) {
    row(r.category).incoming += r.incoming;
    row(r.category).disposed += r.disposed;
  }
  for (const r of await countBacklog(db, scope)) row(r.category).pending += r.pending;
  for (const r of await countAttrition(db, scope)) {
    const x = row(r.category);
    x.reported += r.reported;
    x.indicted += r.indicted;
    x.convicted += r.convicted;
  }
  for (const r of await countDetention(db, scope)) {
    row(r.category).held += r.held;
    row(r.category).beyond_limits += r.beyondLimits;
  }
  for (const x of out.values()) {
    x.not_indicted_rest = x.reported - x.indicted;
    x.indicted_not_convicted_rest = x.indicted - x.convicted;
    x.held_within_limits_rest = x.held - x.beyond_limits;
  }
  return out;
}

function cell(value: number, threshold: number) {
  return value < threshold ? { value: null, suppressed: true } : { value, suppressed: false };
}

export async function getOpenData(
  ctx: OpenDataContext,
  input: OpenDataQuery,
): Promise<OpenDataResponse> {
  const { timeZone, smallCellThreshold: threshold } = ctx.config;
  const now = ctx.clock.now();
  const { period, days } = checkedPeriod(input.from, input.to, timeZone, now);
  const scopeOf = (fileClass: FileClass, byInstitution: boolean): PerformanceScope => ({
    start: period.start,
    until: period.until,
    asOf: period.until.getTime() < now.getTime() ? period.until : now,
    institutionIds: null,
    unitId: null,
    caseType: null,
    offenceClass: null,
    dimensions: [],
    fileClass,
    byInstitution,
  });

  const institutions: InstitutionRow[] = await ctx.db
    .selectFrom('institutions')
    .selectAll()
    .where('kind', 'in', ['police_unit', 'prosecution_office', 'court'])
    .orderBy('kind')
    .orderBy('code')
    .execute();
  const counts = await countsByInstitution(ctx.db, scopeOf('public', true));
  const zero = Object.fromEntries(COUNTS.map((c) => [c, 0])) as Record<Count, number>;
  const columnsOf = (count: Count) => {
    const per = institutions.map((i) => (counts.get(i.id) ?? zero)[count]);
    return [per.reduce((a, b) => a + b, 0), ...per];
  };
  const table: CellTable = {
    values: new Map(COUNTS.map((c) => [c, columnsOf(c)])),
    hidden: new Set(COUNTS.filter((c) => c.endsWith('_rest'))),
    relations: RELATIONS,
  };
  const suppression = protectSmallCells(table, threshold);

  const rows = [null, ...institutions].map((institution, column) => {
    const shown = (count: Count) => !(suppression.get(count)?.[column] ?? true);
    const value = (count: Count) =>
      shown(count) ? (table.values.get(count)?.[column] ?? 0) : null;
    const values: Record<string, number | null> = {
      incoming: value('incoming'),
      disposed: value('disposed'),
      clearance_rate:
        shown('incoming') && shown('disposed')
          ? percent(value('disposed') ?? 0, value('incoming') ?? 0)
          : null,
      pending: value('pending'),
      disposition_time:
        shown('pending') && shown('disposed')
          ? dispositionTime(days, value('pending') ?? 0, value('disposed') ?? 0)
          : null,
      reported: value('reported'),
      indicted: value('indicted'),
      convicted: value('convicted'),
      held: value('held'),
      beyond_limits: value('beyond_limits'),
    };
    const suppressed = COLUMNS.map((c) => c.code).filter(
      (code) => values[code] === null && (COUNTS as readonly string[]).includes(code),
    );
    return {
      institution: institution
        ? {
            id: institution.id,
            code: institution.code,
            kind: institution.kind,
            nameAr: institution.name_ar,
            nameEn: institution.name_en,
          }
        : null,
      values,
      suppressed,
    };
  });

  const totals = async (fileClass: FileClass) => {
    const scope = scopeOf(fileClass, false);
    const clearance = (await countClearance(ctx.db, scope))[0];
    const backlog = (await countBacklog(ctx.db, scope))[0];
    return {
      incoming: cell(clearance?.incoming ?? 0, threshold),
      disposed: cell(clearance?.disposed ?? 0, threshold),
      pending: cell(backlog?.pending ?? 0, threshold),
    };
  };

  return {
    period: { from: period.from, to: period.to },
    timeZone,
    threshold,
    columns: COLUMNS,
    rows,
    juvenile: await totals('juvenile'),
    familyProtection: await totals('family_protection'),
  };
}
