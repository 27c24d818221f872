/**
 * The files behind a figure of the performance measures (issue 8: drill-down from a number to the
 * list of files behind it, filtered by access). The scope is checked as for the measures
 * (`statistics.read`); the files are then filtered in SQL by the very rule that decides who may
 * open a file (`visibleCasesCondition`), so a reader sees only the files they could open anyway:
 * an analyst, who opens no file, gets an empty list and never a name. `hiddenCount` says how many
 * files of the figure the reader may not open.
 */
import { sql } from 'kysely';
import { definitionOf } from '../cases/fire-event';
import { presentCaseHeader } from '../cases/case.presenter';
import { visibleCasesCondition } from '../policy/case-access';
import type { UseCaseContext } from '../use-case-context';
import { lastSteps } from './get-performance-measures';
import { filesBehind } from './performance.repository';
import { resolvePerformanceScope } from './performance-scope';
import type { PerformanceFilesQuery } from './performance.schemas';

export async function listPerformanceFiles(ctx: UseCaseContext, input: PerformanceFilesQuery) {
  const { scope } = await resolvePerformanceScope(ctx, input);
  const behind = filesBehind(scope, input.figure, input.category ?? null, lastSteps(ctx));
  const inFigure = sql<boolean>`c.id in ${behind}`;
  const visible = ctx.db
    .selectFrom('cases as c')
    .where(inFigure)
    .where(visibleCasesCondition(ctx.actor));
  const [rows, visibleCount, allCount] = await Promise.all([
    visible
      .selectAll('c')
      .orderBy('c.opened_at', 'desc')
      .orderBy('c.id')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    visible.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('cases as c')
      .where(inFigure)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  const total = Number(visibleCount.n);
  return {
    items: rows.map((row) => presentCaseHeader(row, definitionOf(row))),
    total,
    hiddenCount: Number(allCount.n) - total,
  };
}
