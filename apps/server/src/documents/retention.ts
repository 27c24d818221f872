/**
 * The retention schedule of documents of closed files, as SQL: a document is due for disposal
 * once its file was closed (disposed of) at least the schedule's days for its type ago. Due
 * documents are only listed; the bytes go only through a recorded decision (dispose-document.ts).
 */
import { sql, type RawBuilder } from 'kysely';
import { DOCUMENT_TYPES } from '@qadiya/domain';
import { retentionDaysFor, type RetentionSchedule } from './documents-config';

/** The retention days of `d.document_type` under the schedule (NULL = kept for good). */
export function retentionDaysSql(schedule: RetentionSchedule): RawBuilder<number | null> {
  const cases = DOCUMENT_TYPES.map((type) => {
    const days = retentionDaysFor(schedule, type);
    return sql`WHEN ${sql.lit(type)} THEN ${days === null ? sql`NULL` : sql.lit(days)}::integer`;
  });
  return sql<number | null>`(CASE d.document_type ${sql.join(cases, sql` `)} END)`;
}

/** When a document becomes due: the file's closing plus its retention days (null = never). */
export function dueAt(closedAt: Date | null, days: number | null): Date | null {
  if (closedAt === null || days === null) return null;
  return new Date(closedAt.getTime() + days * 86_400_000);
}
