/**
 * Documents due for disposal under the retention schedule, among the files the actor may see
 * (the policy's SQL condition): for chief prosecutors, who decide disposals.
 */
import { sql, type SqlBool } from 'kysely';
import { recordAuditAlone } from '../audit/audit-log';
import { AppError } from '../http/errors';
import { hasRole } from '../policy/actor';
import { visibleCasesCondition } from '../policy/case-access';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { retentionDaysSql } from './retention';

export async function listRetentionDue(ctx: UseCaseContext, limit: number) {
  if (!hasRole(ctx.actor, 'chief_prosecutor')) {
    await recordAuditAlone(ctx.db, ctx.origin, {
      action: 'access.denied',
      outcome: 'denied',
      actor: auditActor(ctx.actor),
      details: { permission: 'document.retention', reason: 'chief prosecutors decide disposals' },
    });
    throw new AppError('FORBIDDEN', 'Only a chief prosecutor decides disposals');
  }
  const days = retentionDaysSql(ctx.config.documents.retention);
  const rows = await ctx.db
    .selectFrom('documents as d')
    .innerJoin('cases as c', 'c.id', 'd.case_id')
    .where(visibleCasesCondition(ctx.actor))
    .where('c.is_disposed', '=', true)
    .where('d.disposed_at', 'is', null)
    .where(days, 'is not', null)
    .where(sql<SqlBool>`(c.disposed_at + make_interval(days => ${days})) <= ${ctx.clock.now()}`)
    .select([
      'd.id',
      'd.case_id',
      'd.title',
      'd.document_type',
      'c.reference',
      'c.disposed_at',
      days.as('retention_days'),
    ])
    .orderBy('c.disposed_at')
    .orderBy('d.id')
    .limit(limit)
    .execute();
  return {
    items: rows.map((r) => ({
      documentId: r.id,
      caseId: r.case_id,
      caseReference: r.reference,
      title: r.title,
      documentType: r.document_type,
      fileClosedAt: r.disposed_at?.toISOString() ?? null,
      retentionDays: Number(r.retention_days),
    })),
  };
}
