/**
 * Unsent event forms survive a page reload: each is kept in sessionStorage under its file and
 * event, and cleared once the event is recorded. Storage may be unavailable (private mode, full):
 * then drafts are simply not kept.
 */
const PREFIX = 'qadiya.draft.';

export function draftKey(caseId: string, eventName: string): string {
  return `${PREFIX}${caseId}.${eventName}`;
}

export function loadDraft(storage: Storage | undefined, key: string): unknown {
  try {
    const text = storage?.getItem(key);
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

export function saveDraft(storage: Storage | undefined, key: string, values: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(values));
  } catch {
    // Storage full or unavailable: the form still holds the values.
  }
}

export function clearDraft(storage: Storage | undefined, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to do.
  }
}

export function sessionStore(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}
