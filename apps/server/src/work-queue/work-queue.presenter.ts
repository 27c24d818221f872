/** Shapes a work-queue row for the API. */
import type { Static } from 'typebox';
import type { WorkItemResponse } from './work-queue.schemas';
import type { WorkItemRow } from './work-queue.repository';

export function presentWorkItem(row: WorkItemRow, now: Date): Static<typeof WorkItemResponse> {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    title: { ar: row.title_ar, en: row.title_en },
    priority: row.priority,
    dueAt: row.due_at.toISOString(),
    isOverdue: row.due_at.getTime() < now.getTime(),
    case: {
      id: row.case_id,
      reference: row.reference,
      caseType: row.case_type,
      state: row.state,
      institutionId: row.institution_id,
      isJuvenile: row.is_juvenile,
    },
  };
}
