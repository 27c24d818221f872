/**
 * The performance measures as tables (issue 8): the rows of the repository turned into one table
 * per measure, whose first row is the total ('all') and whose other rows are the categories of the
 * split, every category listed (zero when it has no unit). Every count is additive over the
 * categories (each unit falls in exactly one), so the total row is their sum; rates, means and
 * percentages are computed from the summed counts, never averaged. Pure functions: tested through
 * the API, exported as CSV and XLSX as they are.
 */
import type { TimeStandardStep } from '@qadiya/domain';
import { categoryKeysOf, type Dimension } from './dimensions';
import {
  MEASURES,
  PENDING_AGE_BANDS,
  STANDARD_GROUPS,
  percent,
  round2,
  type MeasureCode,
  type StandardGroup,
} from './performance-definitions';
import type {
  AttritionRow,
  BacklogRow,
  ClearanceRow,
  DetentionRow,
  DispositionRow,
  PendingAgeRow,
  TrialCertaintyRow,
  WorkloadRow,
} from './performance.repository';
import type { DRILL_FIGURES, MeasureTable } from './performance.schemas';

interface Labels {
  ar: string;
  en: string;
}
type Unit = 'count' | 'percent' | 'days' | 'ratio';
type Drill = (typeof DRILL_FIGURES)[number];
type Values = Record<string, number | null>;

interface Column {
  code: string;
  labels: Labels;
  unit: Unit;
  drill: Drill | null;
}

const column = (code: string, labels: Labels, unit: Unit, drill: Drill | null = null): Column => ({
  code,
  labels,
  unit,
  drill,
});

const TOTAL: Labels = { ar: 'المجموع', en: 'Total' };

/** Rows: the total, then every category of the dimensions, each with its additive counts. */
function rowsOf<R extends { category: string }>(
  dimensions: readonly Dimension[],
  rows: readonly R[],
  add: (sum: R | null, row: R) => R,
  values: (row: R | null) => Values,
): MeasureTable['rows'] {
  let total: R | null = null;
  const byKey = new Map<string, R>();
  for (const row of rows) {
    total = add(total, row);
    byKey.set(row.category, add(byKey.get(row.category) ?? null, row));
  }
  return [
    { key: 'all', labels: TOTAL, values: values(total) },
    ...categoryKeysOf(dimensions).map((category) => ({
      key: category.key,
      labels: {
        ar: category.labels.map((l) => l.ar).join(' · '),
        en: category.labels.map((l) => l.en).join(' · '),
      },
      values: values(byKey.get(category.key) ?? null),
    })),
  ];
}

/** Adds every numeric field (and numeric arrays, element by element) of two rows. */
function addRows<R extends { category: string }>(sum: R | null, row: R): R {
  if (sum === null) return { ...row };
  const out: Record<string, unknown> = { ...sum };
  for (const [field, value] of Object.entries(row as Record<string, unknown>)) {
    const previous = (sum as Record<string, unknown>)[field];
    if (typeof value === 'number') out[field] = Number(previous) + value;
    else if (Array.isArray(value)) {
      const before = previous as number[];
      out[field] = (value as number[]).map((v, i) => (before[i] ?? 0) + v);
    }
  }
  return out as R;
}

function table(code: MeasureCode, columns: Column[], rows: MeasureTable['rows']): MeasureTable {
  const { labels, definition, source } = MEASURES[code];
  return { code, labels, definition, source, columns, rows };
}

export function clearanceTable(
  dimensions: readonly Dimension[],
  rows: readonly ClearanceRow[],
): MeasureTable {
  return table(
    'clearance_rate',
    [
      column('incoming', { ar: 'الوارد', en: 'Incoming' }, 'count', 'incoming'),
      column('disposed', { ar: 'المفصول', en: 'Disposed' }, 'count', 'disposed'),
      column('clearance_rate', { ar: 'معدل الإنجاز %', en: 'Clearance rate %' }, 'percent'),
    ],
    rowsOf(dimensions, rows, addRows, (r) => {
      const incoming = r?.incoming ?? 0;
      const disposed = r?.disposed ?? 0;
      return { incoming, disposed, clearance_rate: percent(disposed, incoming) };
    }),
  );
}

const GROUP_LABELS: Record<StandardGroup, Labels> = {
  felony: { ar: 'الجنايات', en: 'Felonies' },
  misdemeanour: { ar: 'الجنح والمخالفات', en: 'Misdemeanours and contraventions' },
};

/** Every number of days of both standards, ascending: the steps the SQL counts within. */
export function standardDays(standards: Record<StandardGroup, readonly TimeStandardStep[]>) {
  return [...new Set(STANDARD_GROUPS.flatMap((g) => standards[g].map((s) => s.days)))].sort(
    (a, b) => a - b,
  );
}

export function dispositionTable(
  dimensions: readonly Dimension[],
  rows: readonly DispositionRow[],
  standards: Record<StandardGroup, readonly TimeStandardStep[]>,
): MeasureTable {
  const days = standardDays(standards);
  const columns = [
    column('disposed', { ar: 'المفصول', en: 'Disposed' }, 'count', 'disposed'),
    column('mean_days', { ar: 'متوسط الأيام', en: 'Mean days' }, 'days'),
  ];
  for (const group of STANDARD_GROUPS) {
    const g = GROUP_LABELS[group];
    columns.push(
      column(`${group}_disposed`, { ar: `${g.ar}: المفصول`, en: `${g.en}: disposed` }, 'count'),
    );
    for (const step of standards[group]) {
      const base = `${group}_within_${step.days}`;
      columns.push(
        column(
          base,
          { ar: `${g.ar}: خلال ${step.days} يوماً`, en: `${g.en}: within ${step.days} days` },
          'count',
        ),
        column(
          `${base}_pct`,
          {
            ar: `${g.ar}: خلال ${step.days} يوماً % (الهدف ${step.targetPercent}%)`,
            en: `${g.en}: within ${step.days} days % (target ${step.targetPercent}%)`,
          },
          'percent',
        ),
      );
    }
  }
  // Rows come per category and standard group: split them into one summable row per category.
  interface Flat {
    category: string;
    n: number;
    totalDays: number;
    felony: number[];
    misdemeanour: number[];
    felonyN: number;
    misdemeanourN: number;
  }
  const flat: Flat[] = rows.map((row) => ({
    category: row.category,
    n: row.n,
    totalDays: row.totalDays,
    felony: row.standardGroup === 'felony' ? row.within : days.map(() => 0),
    misdemeanour: row.standardGroup === 'misdemeanour' ? row.within : days.map(() => 0),
    felonyN: row.standardGroup === 'felony' ? row.n : 0,
    misdemeanourN: row.standardGroup === 'misdemeanour' ? row.n : 0,
  }));
  return table(
    'time_to_disposition',
    columns,
    rowsOf(dimensions, flat, addRows, (r) => {
      const values: Values = {
        disposed: r?.n ?? 0,
        mean_days: r && r.n > 0 ? round2(r.totalDays / r.n) : null,
      };
      for (const group of STANDARD_GROUPS) {
        const n = (group === 'felony' ? r?.felonyN : r?.misdemeanourN) ?? 0;
        values[`${group}_disposed`] = n;
        for (const step of standards[group]) {
          const within = r?.[group][days.indexOf(step.days)] ?? 0;
          values[`${group}_within_${step.days}`] = within;
          values[`${group}_within_${step.days}_pct`] = percent(within, n);
        }
      }
      return values;
    }),
  );
}

export function pendingAgeTable(
  dimensions: readonly Dimension[],
  rows: readonly PendingAgeRow[],
): MeasureTable {
  return table(
    'pending_age',
    [
      column('pending', { ar: 'المنظور', en: 'Pending' }, 'count', 'pending'),
      ...PENDING_AGE_BANDS.map((band) => column(band.code, band.labels, 'count')),
      column(
        'over_standard',
        { ar: 'تجاوز المعيار', en: 'Over the standard' },
        'count',
        'over_standard',
      ),
      column('over_standard_pct', { ar: 'تجاوز المعيار %', en: 'Over the standard %' }, 'percent'),
    ],
    rowsOf(dimensions, rows, addRows, (r) => {
      const pending = r?.pending ?? 0;
      const values: Values = { pending };
      PENDING_AGE_BANDS.forEach((band, i) => (values[band.code] = r?.bands[i] ?? 0));
      values.over_standard = r?.overStandard ?? 0;
      values.over_standard_pct = percent(r?.overStandard ?? 0, pending);
      return values;
    }),
  );
}

export function trialCertaintyTable(
  dimensions: readonly Dimension[],
  rows: readonly TrialCertaintyRow[],
): MeasureTable {
  return table(
    'trial_date_certainty',
    [
      column('tried', { ar: 'المفصول بمحاكمة', en: 'Disposed by trial' }, 'count', 'tried'),
      column('settings', { ar: 'مواعيد المحاكمة', en: 'Trial settings' }, 'count'),
      column(
        'settings_per_trial',
        { ar: 'المواعيد لكل محاكمة', en: 'Settings per trial' },
        'ratio',
      ),
      column('first_setting', { ar: 'في الموعد الأول', en: 'At the first setting' }, 'count'),
      column(
        'first_setting_pct',
        { ar: 'في الموعد الأول %', en: 'At the first setting %' },
        'percent',
      ),
    ],
    rowsOf(dimensions, rows, addRows, (r) => {
      const tried = r?.tried ?? 0;
      return {
        tried,
        settings: r?.settings ?? 0,
        settings_per_trial: tried === 0 ? null : round2((r?.settings ?? 0) / tried),
        first_setting: r?.firstSetting ?? 0,
        first_setting_pct: percent(r?.firstSetting ?? 0, tried),
      };
    }),
  );
}

/** CEPEJ disposition time: days in the period × pending at its end ÷ resolved in it. */
export function dispositionTime(days: number, pending: number, resolved: number): number | null {
  return resolved === 0 ? null : round2((days * pending) / resolved);
}

export function backlogTable(
  dimensions: readonly Dimension[],
  rows: readonly BacklogRow[],
  periodDays: number,
): MeasureTable {
  return table(
    'disposition_time',
    [
      column(
        'pending',
        { ar: 'المنظور في نهاية الفترة', en: 'Pending at the end' },
        'count',
        'pending',
      ),
      column(
        'resolved',
        { ar: 'المفصول خلال الفترة', en: 'Resolved in the period' },
        'count',
        'disposed',
      ),
      column('period_days', { ar: 'أيام الفترة', en: 'Days in the period' }, 'count'),
      column(
        'disposition_time',
        { ar: 'مدة التصرف بالأيام', en: 'Disposition time (days)' },
        'days',
      ),
    ],
    rowsOf(dimensions, rows, addRows, (r) => ({
      pending: r?.pending ?? 0,
      resolved: r?.resolved ?? 0,
      period_days: periodDays,
      disposition_time: dispositionTime(periodDays, r?.pending ?? 0, r?.resolved ?? 0),
    })),
  );
}

const ROLE_LABELS: Record<'prosecutor' | 'judge', Labels> = {
  prosecutor: { ar: 'وكيل نيابة', en: 'Prosecutor' },
  judge: { ar: 'قاضٍ', en: 'Judge' },
};

/**
 * Workload: one row per person, named only when `namesShown`; otherwise "Prosecutor 1", "Judge 2"
 * in a stable order, with no identifier.
 */
export function workloadTable(rows: readonly WorkloadRow[], namesShown: boolean): MeasureTable {
  const counters = { prosecutor: 0, judge: 0 };
  const sorted = [...rows].sort(
    (a, b) =>
      a.role.localeCompare(b.role) || b.pending - a.pending || a.userId.localeCompare(b.userId),
  );
  const total = { incoming: 0, disposed: 0, pending: 0, overdue_deadlines: 0 };
  const people = sorted.map((row) => {
    const role = row.role === 'judge' ? 'judge' : 'prosecutor';
    counters[role] += 1;
    total.incoming += row.incoming;
    total.disposed += row.disposed;
    total.pending += row.pending;
    total.overdue_deadlines += row.overdue;
    const label = ROLE_LABELS[role];
    return {
      key: namesShown ? row.userId : `${role}-${counters[role]}`,
      labels: namesShown
        ? { ar: `${row.nameAr} (${label.ar})`, en: `${row.nameEn} (${label.en})` }
        : { ar: `${label.ar} ${counters[role]}`, en: `${label.en} ${counters[role]}` },
      values: {
        incoming: row.incoming,
        disposed: row.disposed,
        pending: row.pending,
        overdue_deadlines: row.overdue,
      },
    };
  });
  return table(
    'workload',
    [
      column('incoming', { ar: 'الوارد', en: 'Incoming' }, 'count'),
      column('disposed', { ar: 'المفصول', en: 'Disposed' }, 'count'),
      column('pending', { ar: 'المنظور', en: 'Pending' }, 'count'),
      column('overdue_deadlines', { ar: 'مهل متأخرة', en: 'Overdue deadlines' }, 'count'),
    ],
    [{ key: 'all', labels: TOTAL, values: total }, ...people],
  );
}

export function detentionTable(
  dimensions: readonly Dimension[],
  rows: readonly DetentionRow[],
): MeasureTable {
  return table(
    'detention',
    [
      column('held', { ar: 'الموقوفون', en: 'In detention' }, 'count', 'held'),
      column(
        'beyond_limits',
        { ar: 'موقوفون دون أمر ساري', en: 'Held beyond the limits' },
        'count',
        'beyond_limits',
      ),
      column('released', { ar: 'توقيفات انتهت', en: 'Detentions ended' }, 'count'),
      column('mean_days', { ar: 'متوسط مدة التوقيف بالأيام', en: 'Mean days detained' }, 'days'),
    ],
    rowsOf(dimensions, rows, addRows, (r) => ({
      held: r?.held ?? 0,
      beyond_limits: r?.beyondLimits ?? 0,
      released: r?.released ?? 0,
      mean_days: r && r.released > 0 ? round2(r.releasedDays / r.released) : null,
    })),
  );
}

export function attritionTable(
  dimensions: readonly Dimension[],
  rows: readonly AttritionRow[],
): MeasureTable {
  return table(
    'attrition',
    [
      column('reported', { ar: 'المبلغ عنهم', en: 'Reported' }, 'count'),
      column('indicted', { ar: 'وُجّه إليهم اتهام', en: 'Indicted' }, 'count'),
      column(
        'indicted_pct',
        { ar: 'الاتهام % من البلاغات', en: 'Indicted % of reported' },
        'percent',
      ),
      column('convicted', { ar: 'المدانون', en: 'Convicted' }, 'count'),
      column(
        'convicted_pct',
        { ar: 'الإدانة % من البلاغات', en: 'Convicted % of reported' },
        'percent',
      ),
      column(
        'convicted_of_indicted_pct',
        { ar: 'الإدانة % من المتهمين', en: 'Convicted % of indicted' },
        'percent',
      ),
    ],
    rowsOf(dimensions, rows, addRows, (r) => {
      const reported = r?.reported ?? 0;
      const indicted = r?.indicted ?? 0;
      const convicted = r?.convicted ?? 0;
      return {
        reported,
        indicted,
        indicted_pct: percent(indicted, reported),
        convicted,
        convicted_pct: percent(convicted, reported),
        convicted_of_indicted_pct: percent(convicted, indicted),
      };
    }),
  );
}
