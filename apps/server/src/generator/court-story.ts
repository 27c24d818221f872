/**
 * The court part of a story: the criminal case (accepted by a clerk, led by a judge by rotation,
 * hearings adjourned for the usual reasons before the trial is held, judgment per charge, the
 * appeal window), the appeal at the appellate court, and the execution file at the prosecution.
 */
import type { ADJOURNMENT_REASONS } from '@qadiya/domain';
import { dayToDate, MINUTE_MS } from './calendar';
import type { Actor } from './matter-run';
import type { MatterStory } from './matter-story';
import { GOVERNORATES } from './organisation-spec';
import { Weighted } from './random';
import { leadOf } from './sim-team';
import type { SimFile } from './sim-model';
import { MINUTES, NOTES } from './texts';

const ADJOURNMENT = new Weighted<(typeof ADJOURNMENT_REASONS)[number]>([
  ['witness_absent', 30],
  ['defendant_absent', 20],
  ['lawyer_request', 22],
  ['evidence_pending', 10],
  ['expert_report_pending', 6],
  ['court_schedule', 8],
  ['other', 4],
]);
const APPEAL_OUTCOMES = new Weighted([
  ['upheld', 60],
  ['amended', 22],
  ['overturned', 18],
] as const);
const ISO = (ms: number) => new Date(ms).toISOString();

interface Sitting {
  clerk: Actor;
  judge: Actor;
  room: string;
  judgeIds: string[];
  minutes: number;
  panelIndex: number;
}

/** Accepts a referred court file and returns who sits on it, or null when the history ends. */
function acceptAtCourt(story: MatterStory, file: SimFile): { t: number; sitting: Sitting } | null {
  const { run, time } = story;
  const court = file.institution;
  const t0 = time.workingDaysAfter(court.calendar, file.openedAt, run.rng.int(1, 4));
  const clerk = story.staff(court, 'court_clerk', t0);
  if (!run.alive(t0) || !clerk) return null;
  const t = run.accept(file, t0, clerk);
  const lead = leadOf(file);
  if (!lead) throw new Error(`court ${court.code} has no judge to lead a file`);
  const panel = run.ctx.org.panelOf(lead);
  const single = panel.judgeIds.length === 1;
  return {
    t,
    sitting: {
      clerk,
      judge: { userId: lead, role: 'judge' },
      room: panel.room,
      judgeIds: panel.judgeIds,
      minutes: single ? 15 : 30,
      panelIndex: panel.index,
    },
  };
}

/**
 * Hearings until the trial is over: `sessions` held sittings, adjournments before each. Returns
 * the time of the last sitting's hold (or of the hearing when `finishUnheld`), or null.
 */
function hearings(
  story: MatterStory,
  file: SimFile,
  sitting: Sitting,
  from: number,
  sessions: number,
  adjournShare: number,
  decideAtHearing: boolean,
): number | null {
  const { run, time } = story;
  const rng = run.rng;
  const court = file.institution;
  const cal = court.calendar;
  const panel = { index: sitting.panelIndex, judgeIds: sitting.judgeIds, room: sitting.room };
  const book = (day: number) =>
    run.ctx.slots.book(court.id, panel, cal.onOrAfter(day), sitting.minutes);
  const summoned = file.parties
    .filter((p) => p.role !== 'witness' && p.role !== 'lawyer')
    .map((p) => p.id);
  let t = time.workingDaysAfter(cal, from, rng.int(0, 2));
  if (!run.alive(t)) return null;
  const schedule = (by: Actor, after: number, days: number) => {
    const startsAt = book(cal.addDays(time.dayOf(after), days));
    t = run.fire(
      file,
      'schedule_hearing',
      {
        startsAt: ISO(startsAt),
        durationMinutes: sitting.minutes,
        room: sitting.room,
        judgeIds: sitting.judgeIds,
        summonedPartyIds: summoned,
      },
      after,
      by,
    );
  };
  schedule(sitting.clerk, t, rng.int(15, 45));
  let held = 0;
  let adjourned = 0;
  for (;;) {
    const hearing = file.hearings.find((h) => h.status === 'scheduled');
    if (!hearing || !run.alive(hearing.startsAt)) return null;
    const sat = hearing.startsAt + rng.int(5, sitting.minutes - 2) * MINUTE_MS;
    if (adjourned < 6 && rng.chance(adjournShare - adjourned * 0.06)) {
      const nextStartsAt = book(cal.addDays(time.dayOf(hearing.startsAt), rng.int(10, 35)));
      const payload: Record<string, unknown> = {
        hearingId: hearing.id,
        reasonCode: ADJOURNMENT.draw(rng),
        nextStartsAt: ISO(nextStartsAt),
      };
      if (rng.chance(0.6)) payload.minutes = rng.pick(MINUTES.adjourned);
      t = run.fire(file, 'adjourn_hearing', payload, sat, sitting.judge);
      adjourned += 1;
      continue;
    }
    held += 1;
    if (held >= sessions && decideAtHearing) return sat;
    t = run.fire(
      file,
      'hold_hearing',
      { hearingId: hearing.id, minutes: rng.pick(MINUTES.held) },
      sat,
      sitting.judge,
    );
    if (held >= sessions) return t;
    const by = rng.chance(0.5) ? sitting.judge : sitting.clerk;
    schedule(by, time.minutesAfter(t, 5, 30), rng.int(12, 35));
  }
}

/** The criminal case at first instance, then the appeal or finality, then execution. */
export function courtStage(story: MatterStory, file: SimFile, felony: boolean): void {
  const { run, time } = story;
  const rng = run.rng;
  const accepted = acceptAtCourt(story, file);
  if (!accepted) return;
  const { sitting } = accepted;
  const level = file.institution.courtLevel;
  const sessions = felony ? rng.int(2, 5) : rng.int(1, 3);
  const atHearing = rng.chance(0.3);
  const last = hearings(story, file, sitting, accepted.t, sessions, felony ? 0.5 : 0.45, atHearing);
  if (last === null) return;
  const judgedAt = time.minutesAfter(last, 3, 12);
  if (!run.alive(judgedAt)) return;
  const judgments = judge(story, file, level === 'magistrate');
  run.fire(
    file,
    'record_judgment',
    { pronouncedAt: ISO(judgedAt - MINUTE_MS), judgments, minutes: MINUTES.judgment },
    judgedAt,
    sitting.judge,
  );
  const convicted = judgments.some((j) => j.outcome === 'convicted');
  const cal = file.institution.calendar;
  const appealShare = file.isJuvenile ? 0.1 : felony ? 0.35 : 0.15;
  let stands = convicted;
  let t: number;
  if (rng.chance(appealShare) && run.canOpenFile()) {
    t = time.workingDaysAfter(cal, judgedAt, rng.int(3, 13));
    if (!run.alive(t)) return;
    const gov = file.institution.governorate ?? story.govCode;
    const appellate =
      level === 'magistrate'
        ? run.ctx.org.courts('first_instance', gov)[0]
        : run.ctx.org.byCode.get(
            GOVERNORATES.find((g) => g.code === gov)?.appealCourt ?? 'RAM-APP',
          );
    if (!appellate) return;
    const appellant = convicted && rng.chance(0.8) ? 'defence' : 'prosecution';
    t = run.fire(
      file,
      'file_appeal',
      { appellateCourtId: appellate.id, appellant, grounds: NOTES.appealGrounds },
      t,
      sitting.clerk,
    );
    const appeal = run.lastReferred;
    const decided = appeal ? appealStage(story, appeal) : null;
    if (!decided) return;
    t = time.workingDaysAfter(cal, decided.at, rng.int(2, 10));
    if (!run.alive(t)) return;
    t = run.fire(file, 'record_appeal_outcome', { outcome: decided.outcome }, t, sitting.clerk);
    stands = convicted && decided.outcome !== 'overturned';
  } else {
    const window = file.deadlines.find((d) => d.name === 'appeal_window' && d.completedAt === null);
    t = time.workingDaysAfter(cal, window?.dueAt ?? judgedAt, rng.int(1, 8));
    if (!run.alive(t)) return;
    t = run.fire(file, 'declare_final', { note: NOTES.final }, t, sitting.clerk);
  }
  const sentenced = file.charges.some(
    (c) => c.disposition === 'convicted' && ((c.custodialMonths ?? 0) > 0 || c.fineAmount !== null),
  );
  t = time.workingDaysAfter(cal, t, rng.int(1, 10));
  if (!run.alive(t)) return;
  if (stands && sentenced && run.canOpenFile()) {
    const office = story.institution('PRO');
    run.fire(file, 'refer_for_execution', { prosecutionOfficeId: office.id }, t, sitting.clerk);
    const execution = run.lastReferred;
    if (execution) executionStage(story, execution);
  } else {
    run.fire(file, 'archive', { note: NOTES.archive }, t, sitting.clerk);
  }
}

/** Outcome and sentence per charge: per accused, the main charge decides the others mostly. */
function judge(story: MatterStory, file: SimFile, magistrate: boolean) {
  const rng = story.run.rng;
  const scenario = story.scenario;
  const outcomes = new Map<string, 'convicted' | 'acquitted' | 'dismissed'>();
  return file.charges
    .filter((c) => c.disposition === 'indicted')
    .map((charge) => {
      let outcome = outcomes.get(charge.partyId);
      if (!outcome) {
        const r = rng.float();
        const convict = file.isJuvenile ? 0.7 : scenario.convictShare;
        outcome = r < convict ? 'convicted' : r < convict + 0.07 ? 'dismissed' : 'acquitted';
        outcomes.set(charge.partyId, outcome);
      } else if (outcome === 'convicted' && rng.chance(0.25)) {
        return { chargeId: charge.id, outcome: 'acquitted' as const };
      }
      if (outcome !== 'convicted') return { chargeId: charge.id, outcome };
      return { chargeId: charge.id, outcome, ...sentence(story, file.isJuvenile, magistrate) };
    });
}

function sentence(story: MatterStory, juvenile: boolean, magistrate: boolean) {
  const rng = story.run.rng;
  const prison = (min: number, max: number) => ({
    sentence: 'imprisonment' as const,
    custodialMonths: Math.min(magistrate ? 36 : 1200, rng.int(min, max)),
  });
  const fine = () => ({ sentence: 'fine' as const, fineAmount: rng.int(2, 40) * 50 });
  if (juvenile)
    return rng.chance(0.7) ? { sentence: 'non_custodial_measure' as const } : prison(2, 18);
  switch (story.scenario.sentence) {
    case 'fine':
      return rng.chance(0.85) ? fine() : prison(1, 3);
    case 'short':
      return rng.chance(0.6) ? prison(1, 12) : fine();
    case 'medium':
      return prison(6, 36);
    case 'long':
      if (story.scenario.key === 'homicide' && rng.chance(0.05))
        return { sentence: 'life_imprisonment' as const };
      return story.scenario.key === 'homicide' ? prison(120, 300) : prison(36, 180);
    case 'mixed':
      return rng.chance(0.5) ? prison(1, 6) : fine();
  }
}

/** The appeal: heard by a panel, decided, archived. Returns when and how it was decided. */
function appealStage(
  story: MatterStory,
  file: SimFile,
): { at: number; outcome: 'upheld' | 'amended' | 'overturned' } | null {
  const { run, time } = story;
  const rng = run.rng;
  const accepted = acceptAtCourt(story, file);
  if (!accepted) return null;
  const last = hearings(story, file, accepted.sitting, accepted.t, rng.int(1, 2), 0.35, false);
  if (last === null) return null;
  const at = time.minutesAfter(last, 3, 15);
  if (!run.alive(at)) return null;
  const outcome = APPEAL_OUTCOMES.draw(rng);
  const decidedAt = run.fire(
    file,
    'decide_appeal',
    { outcome, reasoning: NOTES.appealReasoning },
    at,
    accepted.sitting.judge,
  );
  const archiveAt = time.workingDaysAfter(file.institution.calendar, decidedAt, rng.int(2, 10));
  if (run.alive(archiveAt))
    run.fire(file, 'archive', { note: NOTES.archive }, archiveAt, accepted.sitting.clerk);
  return { at: decidedAt, outcome };
}

/** The execution file: custody at a correction centre and/or the fine, until served. */
function executionStage(story: MatterStory, file: SimFile): void {
  const { run, time } = story;
  const rng = run.rng;
  const office = file.institution;
  const cal = office.calendar;
  let t = time.workingDaysAfter(cal, file.openedAt, rng.int(1, 5));
  const acceptor =
    story.staff(office, 'chief_prosecutor', t) ?? story.staff(office, 'prosecutor', t);
  if (!run.alive(t) || !acceptor) return;
  t = run.accept(file, t, acceptor);
  const lead = leadOf(file);
  const actor: Actor = lead ? { userId: lead, role: 'prosecutor' } : acceptor;
  const months = Math.max(0, ...file.charges.map((c) => c.custodialMonths ?? 0));
  const fine = file.charges.reduce((sum, c) => sum + Number(c.fineAmount ?? 0), 0);
  let servedUntil = t;
  if (months > 0) {
    t = time.workingDaysAfter(cal, t, rng.int(1, 10));
    if (!run.alive(t)) return;
    const centre = correctionCentre(story);
    if (!centre) return;
    t = run.fire(
      file,
      'commit_to_custody',
      { correctionCentreId: centre, startsOn: dayToDate(time.dayOf(t)) },
      t,
      actor,
    );
    servedUntil = t + Math.round(months * 30.44) * 86_400_000;
  }
  if (fine > 0) {
    t = time.daysAfter(cal, t, 20, 2, 120);
    if (!run.alive(t)) return;
    const receiptNumber = `R-${new Date(t).getUTCFullYear()}-${rng.int(10_000, 99_999)}`;
    t = run.fire(file, 'record_fine_payment', { amount: fine, receiptNumber }, t, actor);
    servedUntil = Math.max(servedUntil, t);
  }
  const doneAt = time.workingDaysAfter(cal, servedUntil, rng.int(1, 5));
  if (run.alive(doneAt))
    run.fire(file, 'complete_execution', { note: NOTES.execution }, doneAt, actor);
}

/** The governorate's correction centre, else one of its region (north, centre, south, Gaza). */
function correctionCentre(story: MatterStory): string | null {
  const org = story.run.ctx.org;
  const own = org.byCode.get(`${story.govCode}-CRC`);
  if (own) return own.id;
  const appeal = GOVERNORATES.find((g) => g.code === story.govCode)?.appealCourt;
  const near = GOVERNORATES.filter((g) => g.appealCourt === appeal && g.correctionCentre).map(
    (g) => `${g.code}-CRC`,
  );
  for (const code of [...near, 'NAB-CRC', 'JRH-CRC']) {
    const centre = org.byCode.get(code);
    if (centre) return centre.id;
  }
  return [...org.byId.values()].find((i) => i.kind === 'correction_centre')?.id ?? null;
}
