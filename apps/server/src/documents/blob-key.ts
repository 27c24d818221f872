/** The content address of a blob. */
const SHA256 = /^[0-9a-f]{64}$/;

/** The key of a blob: two levels of fan-out keep folders small on a filesystem. */
export function blobKey(sha256: string): string {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256 hex digest: ${sha256}`);
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
