/**
 * Who keeps the evidence register: the police, the prosecution and the courts of the file
 * (through the file's access rule). Disposal or return of an item needs a decision-maker: a
 * prosecutor, chief prosecutor or judge of the file.
 */
import type { Role } from '@qadiya/domain';
import { openFile, requireFileRole, type FileAccess } from '../documents/document-access';
import type { UseCaseContext } from '../use-case-context';

export const EVIDENCE_KEEPERS: readonly Role[] = [
  'police_investigator',
  'prosecutor',
  'chief_prosecutor',
  'judge',
  'court_clerk',
];
export const DISPOSITION_DECIDERS: readonly Role[] = ['prosecutor', 'chief_prosecutor', 'judge'];

export async function openForEvidence(
  ctx: UseCaseContext,
  caseId: string,
  roles: readonly Role[],
  permission: string,
): Promise<FileAccess> {
  const access = await openFile(ctx, caseId, 'act');
  await requireFileRole(ctx, access, roles, permission, { type: 'case', id: caseId });
  return access;
}
