/**
 * Storing a digital evidence file (an image, an export) in the blob store, with the SHA-256
 * computed while it streams in. When the examiner recorded a hash at seizure, the bytes must match
 * it, or nothing is stored (HASH_MISMATCH).
 */
import type { Readable } from 'node:stream';
import { recordAudit } from '../audit/audit-log';
import { blobStoreFor } from '../documents/blob-store';
import { stageUpload } from '../documents/stage-upload';
import { cleanFileName } from '../documents/store-document-version';
import { AppError, notFound, ruleViolation } from '../http/errors';
import { actorUserIdForFk } from '../policy/actor';
import { auditActor, type UseCaseContext } from '../use-case-context';
import { EVIDENCE_KEEPERS, openForEvidence } from './evidence-access';
import { findEvidence, lockEvidence } from './evidence.repository';
import { getEvidence } from './list-evidence';

export interface EvidenceFileInput {
  fileName: string;
  content: Readable | Uint8Array;
  /** The hash recorded at seizure (forensic acquisition), lowercase hex. */
  declaredSha256: string | null;
}

export async function addEvidenceFile(
  ctx: UseCaseContext,
  evidenceId: string,
  input: EvidenceFileInput,
) {
  const found = await findEvidence(ctx.db, evidenceId);
  if (!found) throw notFound('Evidence item', evidenceId);
  const access = await openForEvidence(ctx, found.case_id, EVIDENCE_KEEPERS, 'evidence.file');
  if (found.kind !== 'digital') {
    throw ruleViolation('EVIDENCE_NOT_DIGITAL', {
      ar: 'تُرفق الملفات بالأدلة الرقمية فقط',
      en: 'Files belong to digital evidence items only',
    });
  }
  if (found.status !== 'held') {
    throw new AppError('EVIDENCE_NOT_HELD', `The item was already ${found.status}`);
  }
  const staged = await stageUpload(ctx.config.documents, input.content, { anyType: true });
  try {
    if (input.declaredSha256 !== null && input.declaredSha256 !== staged.sha256) {
      throw new AppError(
        'HASH_MISMATCH',
        'The file does not match the SHA-256 recorded at seizure; nothing was stored',
        { declaredSha256: input.declaredSha256, actualSha256: staged.sha256 },
      );
    }
    await blobStoreFor(ctx.config.documents.storage).putFile(
      staged.path,
      staged.sha256,
      staged.sizeBytes,
    );
  } finally {
    await staged.discard();
  }
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await lockEvidence(trx, evidenceId))) throw notFound('Evidence item', evidenceId);
    const row = await trx
      .insertInto('evidence_files')
      .values({
        evidence_id: evidenceId,
        sha256: staged.sha256,
        size_bytes: staged.sizeBytes,
        content_type: staged.contentType,
        file_name: cleanFileName(input.fileName),
        added_by: actorUserIdForFk(ctx.actor),
        added_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.origin, {
      action: 'evidence.file_added',
      outcome: 'success',
      actor: auditActor(ctx.actor),
      object: { type: 'evidence', id: evidenceId },
      institutionId: access.file.institution_id,
      details: {
        caseId: found.case_id,
        fileId: row.id,
        sha256: staged.sha256,
        sizeBytes: staged.sizeBytes,
        declaredSha256: input.declaredSha256,
      },
    });
  });
  return getEvidence(ctx, evidenceId);
}
