/**
 * The family protection figures as tables of counts (small-cells.ts): each figure's cells, in
 * columns (all units, then one per category of the dimension), with the relations between them
 * that a reader could use to compute one count from others. Every count a reader could work out
 * by subtraction is a cell too (hidden when it is not shown), so that suppression protects it.
 */
import {
  GBV_TYPES,
  PROTECTION_MEASURE_KINDS,
  REFERRAL_SERVICES,
  REFERRAL_STATUSES,
  type TimeStandardStep,
} from '@qadiya/domain';
import type { CellTable, Relation } from './small-cells';
import { ATTRITION_OUTCOMES, GBV_FLAGS, UNCLASSIFIED } from './family-protection-definitions';
import type { AttritionRow, GbvTypeRow } from './family-protection.repository';
import type {
  MeasureRow,
  ReferralRow,
  ViolationRow,
} from './family-protection-services.repository';

/** The columns of a table: null for the total, then the categories of the dimension. */
export type Columns = readonly (string | null)[];

export function columnsFor(categories: readonly string[]): Columns {
  return [null, ...categories];
}

class TableBuilder {
  private readonly values = new Map<string, number[]>();
  private readonly hidden = new Set<string>();
  private readonly relations: Relation[] = [];

  constructor(private readonly columns: Columns) {}

  cell(name: string, options: { hidden?: boolean } = {}): this {
    if (!this.values.has(name))
      this.values.set(
        name,
        this.columns.map(() => 0),
      );
    if (options.hidden) this.hidden.add(name);
    return this;
  }

  /** Adds `n` units of a category (the SQL's 'all' without a dimension) to a cell. */
  add(name: string, category: string, n: number): void {
    const values = this.values.get(name);
    if (!values) throw new Error(`no cell ${name}`);
    const at = this.columns.indexOf(category);
    if (this.columns.length > 1 && at < 1) {
      // The dimensions' categories are closed lists mirrored by CHECK constraints.
      throw new Error(`category "${category}" is not one of the dimension's`);
    }
    values[0] = (values[0] ?? 0) + n;
    if (at >= 1) values[at] = (values[at] ?? 0) + n;
  }

  /** A cell computed from others, column by column. */
  derive(name: string, compute: (column: number) => number, options: { hidden?: boolean } = {}) {
    this.cell(name, options);
    const values = this.values.get(name) as number[];
    this.columns.forEach((_, column) => {
      values[column] = compute(column);
    });
  }

  get(name: string, column: number): number {
    return this.values.get(name)?.[column] ?? 0;
  }

  relate(total: string, parts: readonly string[]): void {
    this.relations.push({ total, parts });
  }

  build(): CellTable {
    return { values: this.values, hidden: this.hidden, relations: this.relations };
  }
}

/** Attrition: complaint = its five outcomes; indicted = the three outcomes after indictment. */
export function attritionTable(rows: readonly AttritionRow[], columns: Columns): CellTable {
  const table = new TableBuilder(columns);
  for (const outcome of ATTRITION_OUTCOMES) table.cell(outcome);
  for (const row of rows) table.add(row.outcome, row.category, row.n);
  const after = ['awaiting_judgment', 'acquitted_or_dismissed', 'convicted'] as const;
  table.derive('complaint', (c) => ATTRITION_OUTCOMES.reduce((s, o) => s + table.get(o, c), 0));
  table.derive('indicted', (c) => after.reduce((s, o) => s + table.get(o, c), 0));
  table.relate('complaint', ATTRITION_OUTCOMES);
  table.relate('indicted', after);
  return table.build();
}

export const typeCell = (type: string) => `type:${type}`;
export const flagCell = (flag: string) => `flag:${flag}`;

/**
 * Complaints by GBVIMS type, and the context flags. A flag's complement (complaints without it)
 * is a hidden cell, and so are the differences the definitions imply: early marriage is a forced
 * marriage of a child victim, so forced marriages and child victims other than early marriage are
 * computable from what is shown.
 */
export function gbvTable(rows: readonly GbvTypeRow[], columns: Columns): CellTable {
  const table = new TableBuilder(columns);
  const types = [...GBV_TYPES, UNCLASSIFIED];
  table.cell('total');
  for (const type of types) table.cell(typeCell(type));
  for (const flag of GBV_FLAGS) table.cell(flagCell(flag));
  for (const row of rows) {
    table.add('total', row.category, row.n);
    table.add(typeCell(row.gbvType ?? UNCLASSIFIED), row.category, row.n);
    table.add(flagCell('intimate_partner'), row.category, row.intimatePartner);
    table.add(flagCell('child_victim'), row.category, row.childVictim);
    table.add(flagCell('early_marriage'), row.category, row.earlyMarriage);
  }
  table.relate('total', types.map(typeCell));
  for (const flag of GBV_FLAGS) {
    const without = `without:${flag}`;
    table.derive(without, (c) => table.get('total', c) - table.get(flagCell(flag), c), {
      hidden: true,
    });
    table.relate('total', [flagCell(flag), without]);
  }
  const early = flagCell('early_marriage');
  for (const [whole, rest] of [
    [typeCell('forced_marriage'), 'forced_marriage_not_early'],
    [flagCell('child_victim'), 'child_victim_not_early'],
  ] as const) {
    table.derive(rest, (c) => table.get(whole, c) - table.get(early, c), { hidden: true });
    table.relate(whole, [early, rest]);
  }
  return table.build();
}

export const serviceCell = (service: string) => `service:${service}`;
export const statusCell = (status: string) => `status:${status}`;
export const referralCell = (service: string, status: string) => `referral:${service}:${status}`;

/** Referrals: a service × status grid with its margins, and the consent overrides. */
export function referralTable(rows: readonly ReferralRow[], columns: Columns): CellTable {
  const table = new TableBuilder(columns);
  table.cell('total').cell('overrides');
  for (const service of REFERRAL_SERVICES) table.cell(serviceCell(service));
  for (const status of REFERRAL_STATUSES) table.cell(statusCell(status));
  for (const service of REFERRAL_SERVICES) {
    for (const status of REFERRAL_STATUSES) table.cell(referralCell(service, status));
  }
  for (const row of rows) {
    table.add('total', row.category, row.n);
    table.add('overrides', row.category, row.overrides);
    table.add(serviceCell(row.service), row.category, row.n);
    table.add(statusCell(row.status), row.category, row.n);
    table.add(referralCell(row.service, row.status), row.category, row.n);
  }
  table.derive('consent_given', (c) => table.get('total', c) - table.get('overrides', c), {
    hidden: true,
  });
  table.relate('total', ['overrides', 'consent_given']);
  table.relate('total', REFERRAL_SERVICES.map(serviceCell));
  table.relate('total', REFERRAL_STATUSES.map(statusCell));
  for (const service of REFERRAL_SERVICES) {
    table.relate(
      serviceCell(service),
      REFERRAL_STATUSES.map((status) => referralCell(service, status)),
    );
  }
  for (const status of REFERRAL_STATUSES) {
    table.relate(
      statusCell(status),
      REFERRAL_SERVICES.map((service) => referralCell(service, status)),
    );
  }
  return table.build();
}

export const kindCell = (kind: string, what: string) => `kind:${kind}:${what}`;
export const withinCell = (step: number) => `within:${step}`;

/**
 * Protection measures and the time standard, in one table: the measures timed are the measures
 * issued, so the two figures share that count. Measures not violated, and the measures issued
 * between two steps of the standard (or after the last), are hidden cells.
 */
export function measureTable(
  measures: readonly MeasureRow[],
  violations: readonly ViolationRow[],
  standard: readonly TimeStandardStep[],
  columns: Columns,
): CellTable {
  const table = new TableBuilder(columns);
  const counted = ['issued', 'violated', 'violations'] as const;
  for (const what of counted) table.cell(what);
  for (const kind of PROTECTION_MEASURE_KINDS) {
    for (const what of counted) table.cell(kindCell(kind, what));
  }
  standard.forEach((_, step) => table.cell(withinCell(step)));
  for (const row of measures) {
    table.add('issued', row.category, row.issued);
    table.add('violated', row.category, row.violated);
    table.add(kindCell(row.kind, 'issued'), row.category, row.issued);
    table.add(kindCell(row.kind, 'violated'), row.category, row.violated);
    row.within.forEach((n, step) => {
      table.add(withinCell(step), row.category, n);
    });
  }
  for (const row of violations) {
    table.add('violations', row.category, row.n);
    table.add(kindCell(row.kind, 'violations'), row.category, row.n);
  }
  for (const what of counted) {
    table.relate(
      what,
      PROTECTION_MEASURE_KINDS.map((kind) => kindCell(kind, what)),
    );
  }
  const notViolated = (prefix: string) => {
    const name = `${prefix}not_violated`;
    const issued = prefix === '' ? 'issued' : `${prefix}issued`;
    const violated = prefix === '' ? 'violated' : `${prefix}violated`;
    table.derive(name, (c) => table.get(issued, c) - table.get(violated, c), { hidden: true });
    table.relate(issued, [violated, name]);
    return name;
  };
  const byKind = PROTECTION_MEASURE_KINDS.map((kind) => notViolated(`kind:${kind}:`));
  table.relate(notViolated(''), byKind);
  // Bands of the standard: within the first step, between two steps, after the last.
  const bands = [...standard.keys(), standard.length].map((step) => `band:${step}`);
  bands.forEach((band, step) => {
    table.derive(
      band,
      (c) =>
        (step < standard.length ? table.get(withinCell(step), c) : table.get('issued', c)) -
        (step > 0 ? table.get(withinCell(step - 1), c) : 0),
      { hidden: true },
    );
  });
  table.relate('issued', bands);
  standard.forEach((_, step) => {
    table.relate(withinCell(step), bands.slice(0, step + 1));
  });
  return table.build();
}
