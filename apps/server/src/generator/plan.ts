/**
 * How many matters to simulate, when each incident happens, and how far each may go, so that the
 * run opens exactly the number of files asked for. A matter's story is a pure function of the
 * seed, its key, its start and its cap on files, so it can be planned (without the engine and
 * without writing) as often as needed: once on a sample to learn the files per matter, once for
 * all matters, and again for the few whose cap is lowered (a prosecution that closes instead of
 * indicting) or that are added, until the total is exact. Each plan keeps its numbering requests,
 * which are then put in execution order (numbering.ts).
 */
import { DAY_MS, dayToDate, type LocalClock } from './calendar';
import { MatterRun, type RunContext } from './matter-run';
import { MatterStory } from './matter-story';
import type { NumberingRecorder, NumberingRequest } from './numbering';
import type { ProgressSink } from './progress';
import { Rng, Weighted } from './random';

export interface PlannedMatter {
  key: number;
  start: number;
  cap: number;
  files: number;
  /** The numbering requests of its files, in the order the story makes them. */
  requests: NumberingRequest[];
}

/** Incidents happen mostly in the afternoon and evening. */
const HOURS = new Weighted(
  [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7, 8, 8, 9, 9, 9, 9, 9, 8, 7, 5, 3, 2].map(
    (w, h) => [h, w] as const,
  ),
);
const NO_CAP = 1_000_000;

export interface PlanInput {
  files: number;
  windowStart: number;
  asOf: number;
  seed: string;
  clock: LocalClock;
  /** A planning context (mode `plan`) around a numbering hook. */
  context(numbering: NumberingRecorder): RunContext;
  freshRecorder(): NumberingRecorder;
  progress: ProgressSink;
}

export function planOne(
  ctx: RunContext,
  matter: { key: number; start: number; cap: number },
  clock: LocalClock,
): number {
  const run = new MatterRun(ctx, matter.key, dayToDate(clock.dayOf(matter.start)), matter.cap);
  new MatterStory(run, matter.start).tell();
  return run.filesOpened;
}

export function planMatters(input: PlanInput): {
  matters: PlannedMatter[];
  requests: NumberingRequest[];
} {
  const { files, windowStart, asOf, clock, progress } = input;
  const starts = new Rng(input.seed, 'starts');
  const days = Math.max(1, Math.floor((asOf - windowStart) / DAY_MS));
  const drawStart = () => {
    const day = clock.dayOf(windowStart) + starts.int(0, days - 1);
    return clock.at(day, HOURS.draw(starts) * 60 + starts.int(0, 59)) + starts.int(0, 59) * 1000;
  };
  const recorder = input.freshRecorder();
  const scratch = input.context(recorder);
  const plan = (m: PlannedMatter) => {
    recorder.requests.length = 0;
    m.files = planOne(scratch, m, clock);
    m.requests = recorder.requests.slice();
    return m.files;
  };
  const matter = (key: number, cap: number): PlannedMatter => ({
    key,
    start: drawStart(),
    cap,
    files: 0,
    requests: [],
  });

  // A sample tells how many files a matter opens on average in this window.
  const sampleSize = Math.min(1000, Math.max(50, files));
  let sampled = 0;
  for (let i = 0; i < sampleSize; i += 1) sampled += plan(matter(-1 - i, NO_CAP));
  const perMatter = Math.max(0.5, sampled / sampleSize);
  const estimate = Math.max(1, Math.round(files / perMatter));

  progress.start('planning matters', estimate);
  const matters: PlannedMatter[] = [];
  let total = 0;
  for (let key = 0; key < estimate; key += 1) {
    const m = matter(key, NO_CAP);
    total += plan(m);
    matters.push(m);
    if (key % 2000 === 0) progress.update(key);
  }
  progress.finish();

  // Too many: lower the cap of matters picked at random (spread over the whole period).
  const trim = new Rng(input.seed, 'trim');
  let guard = matters.length * 4;
  while (total > files && guard-- > 0) {
    const m = matters[trim.int(0, matters.length - 1)];
    if (!m || m.files < 2) continue;
    m.cap = m.files - 1;
    const before = m.files;
    total += plan(m) - before;
  }
  // Too few: add matters, each allowed no more than what is missing.
  let nextKey = matters.length;
  guard = files * 20 + 1000;
  while (total < files && guard-- > 0) {
    const m = matter(nextKey, files - total);
    nextKey += 1;
    if (plan(m) === 0) continue;
    total += m.files;
    matters.push(m);
  }
  if (total !== files) throw new Error(`could not plan exactly ${files} files (got ${total})`);
  matters.sort((a, b) => a.start - b.start || a.key - b.key);
  return { matters, requests: matters.flatMap((m) => m.requests) };
}
