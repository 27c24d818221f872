/**
 * Shapes of the person page's merge features (`GET /persons/:id`, `POST /persons/:id/merge`,
 * `POST /persons/merges/:mergeId/revert`, `GET /persons/:id/merges`), and how their refusals read.
 */
import { ApiError } from '../../api/client';
import type { Person } from '../../api/intake';
import type { Labels } from '../../api/types';
import type { Language } from '../../i18n/i18n';

/** A registry record as `GET /persons/:id` returns it: a merged one points to its survivor. */
export interface RegistryPerson extends Person {
  mergedInto: { personId: string; mergeId: string | null; mergedAt: string | null } | null;
}

export interface PersonMerge {
  id: string;
  survivorId: string;
  duplicateId: string;
  reason: string;
  mergedAt: string;
  movedPartyCount: number;
  revertedAt: string | null;
  revertReason: string | null;
  survivorNameAr: string;
  duplicateNameAr: string;
  mergedByName: Labels | null;
}

/** A file named by a refused merge (both records are parties of it in the same role). */
export interface ConflictFile {
  caseId: string;
  reference: string | null;
  role: string;
  institution: { nameAr: string; nameEn: string };
}

/**
 * A merge or revert refused by a rule (409 with `details.rule`): the server's sentence in the
 * user's language, and for a same-role conflict the files it names and how many others there are.
 */
export function mergeRefusal(error: unknown, language: Language) {
  if (
    !(error instanceof ApiError) ||
    error.status !== 409 ||
    typeof error.details.rule !== 'string'
  ) {
    return null;
  }
  const ar = error.details.messageAr;
  return {
    code: error.code,
    message: language === 'ar' && typeof ar === 'string' ? ar : error.message,
    files: Array.isArray(error.details.files) ? (error.details.files as ConflictFile[]) : [],
    otherFiles: typeof error.details.otherFiles === 'number' ? error.details.otherFiles : 0,
  };
}
