/**
 * Confidentiality of a record. `restricted` files (juvenile, family protection) are visible only to
 * the assigned team; `sealed` adds a court or prosecutor's order on top. Reads of anything above
 * `normal` are audited.
 */
export const CONFIDENTIALITY_LEVELS = ['normal', 'restricted', 'sealed'] as const;
export type ConfidentialityLevel = (typeof CONFIDENTIALITY_LEVELS)[number];

export function isAuditedOnRead(level: ConfidentialityLevel): boolean {
  return level !== 'normal';
}
