import { describe, expect, it } from 'vitest';
import { mediationPath, roundsOf, type MediationStep } from './mediation-path';

const step = (status: MediationStep['status'], day: number, note: string | null = null) => ({
  status,
  at: `2026-03-${String(day).padStart(2, '0')}T09:00:00.000Z`,
  note,
});

describe('the mediation path (Art. 23)', () => {
  it('marks each step done as the file moves along the path', () => {
    expect(mediationPath('offered', [step('offered', 1)]).active).toBe(1);
    expect(
      mediationPath('in_mediation', [step('offered', 1), step('in_mediation', 2)]).active,
    ).toBe(2);
    const agreed = mediationPath('agreed', [
      step('offered', 1),
      step('in_mediation', 2),
      step('agreed', 5),
    ]);
    expect(agreed.active).toBe(3);
    expect(agreed.stop).toBeNull();
    expect(agreed.reachedAt).toEqual([
      step('offered', 1).at,
      step('in_mediation', 2).at,
      step('agreed', 5).at,
      null,
    ]);
  });

  it('completes every step once the agreement is fulfilled', () => {
    const path = mediationPath('fulfilled', [
      step('offered', 1),
      step('in_mediation', 2),
      step('agreed', 5),
      step('fulfilled', 20, 'نفذت الالتزامات'),
    ]);
    expect(path.active).toBe(4);
    expect(path.notes[3]).toBe('نفذت الالتزامات');
  });

  it('stops at the consents when the offer is declined, with its note', () => {
    const path = mediationPath('declined', [step('offered', 1), step('declined', 3, 'رفض الولي')]);
    expect(path.active).toBe(1);
    expect(path.stop).toEqual({
      index: 1,
      status: 'declined',
      at: step('declined', 3).at,
      note: 'رفض الولي',
    });
  });

  it('stops at the agreement when the session fails, and at fulfilment on a breach', () => {
    const failed = mediationPath('failed', [
      step('offered', 1),
      step('in_mediation', 2),
      step('failed', 4, 'لم يحضر'),
    ]);
    expect(failed.stop).toMatchObject({ index: 2, status: 'failed', note: 'لم يحضر' });
    expect(failed.active).toBe(2);
    const breached = mediationPath('failed', [
      step('offered', 1),
      step('in_mediation', 2),
      step('agreed', 5),
      step('failed', 25, 'لم يصلح الضرر'),
    ]);
    expect(breached.stop).toMatchObject({ index: 3, status: 'failed' });
    expect(breached.active).toBe(3);
  });

  it('shows the latest offer and keeps the earlier rounds', () => {
    const steps = [
      step('offered', 1),
      step('declined', 2),
      step('offered', 10),
      step('in_mediation', 11),
    ];
    expect(roundsOf(steps)).toHaveLength(2);
    const path = mediationPath('in_mediation', steps);
    expect(path.active).toBe(2);
    expect(path.stop).toBeNull();
    expect(path.reachedAt[0]).toBe(step('offered', 10).at);
    expect(path.earlierRounds).toEqual([[step('offered', 1), step('declined', 2)]]);
  });

  it('follows the status even when no step was sent for it', () => {
    expect(mediationPath('failed', []).stop).toEqual({
      index: 2,
      status: 'failed',
      at: null,
      note: null,
    });
    expect(mediationPath('agreed', []).active).toBe(3);
    expect(mediationPath('agreed', []).reachedAt).toEqual([null, null, null, null]);
  });
});
