/**
 * The mediation path of Art. 23 as the four steps of a stepper: offered → consents and referral
 * to the mediator (in_mediation) → agreement → fulfilled. A declined offer stops the path at the
 * second step; a failure stops it at the agreement, and a breach of the agreement at its
 * fulfilment. A file may be offered mediation again after a refusal or a failure: each offer
 * starts a new round, and the stepper shows the latest. Pure.
 */
export const MEDIATION_STEPS = ['offered', 'in_mediation', 'agreed', 'fulfilled'] as const;
export type MediationStepKey = (typeof MEDIATION_STEPS)[number];

export type MediationStatus =
  'offered' | 'declined' | 'in_mediation' | 'agreed' | 'fulfilled' | 'failed';

export interface MediationStep {
  status: MediationStatus;
  at: string;
  note: string | null;
}

export interface MediationStop {
  /** The step the path stopped at (an index into MEDIATION_STEPS). */
  index: number;
  status: 'declined' | 'failed';
  at: string | null;
  note: string | null;
}

export interface MediationPath {
  /**
   * The stepper's `active` step: the steps before it are done. It is the stopped step when the
   * path stopped, and MEDIATION_STEPS.length once the agreement is fulfilled.
   */
  active: number;
  /** When each step was reached in the latest round (null: not reached). */
  reachedAt: (string | null)[];
  /** The note recorded with each step of the latest round. */
  notes: (string | null)[];
  stop: MediationStop | null;
  /** The rounds before the latest, oldest first, each in order. */
  earlierRounds: MediationStep[][];
}

/** The steps split at each offer; steps before the first offer belong to the first round. */
export function roundsOf(steps: readonly MediationStep[]): MediationStep[][] {
  const rounds: MediationStep[][] = [];
  for (const step of steps) {
    const current = rounds[rounds.length - 1];
    if (step.status === 'offered' || current === undefined) rounds.push([step]);
    else current.push(step);
  }
  return rounds;
}

const ACTIVE_OF: Record<Exclude<MediationStatus, 'declined' | 'failed'>, number> = {
  offered: 1,
  in_mediation: 2,
  agreed: 3,
  fulfilled: MEDIATION_STEPS.length,
};

/**
 * Where the path stands. The status decides (it is what the file says); the steps only date the
 * steps and tell a failure before the agreement from a breach after it.
 */
export function mediationPath(
  status: MediationStatus,
  steps: readonly MediationStep[],
): MediationPath {
  const rounds = roundsOf(steps);
  const latest = rounds[rounds.length - 1] ?? [];
  const lastOf = (wanted: MediationStatus) => latest.findLast((s) => s.status === wanted) ?? null;
  const reached = MEDIATION_STEPS.map((key) => lastOf(key));
  const base = {
    reachedAt: reached.map((s) => s?.at ?? null),
    notes: reached.map((s) => s?.note ?? null),
    earlierRounds: rounds.slice(0, -1),
  };
  if (status === 'declined' || status === 'failed') {
    const stopStep = lastOf(status);
    const index = status === 'declined' ? 1 : precededByAgreement(latest, stopStep) ? 3 : 2;
    return {
      ...base,
      active: index,
      stop: { index, status, at: stopStep?.at ?? null, note: stopStep?.note ?? null },
    };
  }
  return { ...base, active: ACTIVE_OF[status], stop: null };
}

/** Did an agreement come before this failure in the round (a breach, not a failed session)? */
function precededByAgreement(round: readonly MediationStep[], failure: MediationStep | null) {
  const end = failure ? round.lastIndexOf(failure) : round.length;
  return round.slice(0, end).some((s) => s.status === 'agreed');
}
