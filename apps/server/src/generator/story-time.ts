/**
 * When things happen in a generated story: office hours on working days for officials, any hour
 * for incidents and arrests. Every helper draws from the matter's own Rng, so the story is the
 * same in planning and in execution.
 */
import { DAY_MS, MINUTE_MS, type LocalClock, type WorkingDays } from './calendar';
import type { Rng } from './random';

export class StoryTime {
  constructor(
    private readonly clock: LocalClock,
    private readonly rng: Rng,
  ) {}

  /** A moment of office hours (08:00–15:00) on the first working day on or after `day`. */
  officeOn(calendar: WorkingDays, day: number): number {
    return this.clock.at(calendar.onOrAfter(day), this.rng.int(8 * 60, 15 * 60));
  }

  /** Office hours `n` working days after the instant's day (0: the same day, later than it). */
  workingDaysAfter(calendar: WorkingDays, from: number, n: number): number {
    const day = this.clock.dayOf(from);
    if (n === 0 && calendar.isWorking(day)) {
      const minute = this.clock.minuteOf(from);
      if (minute < 15 * 60)
        return from + this.rng.int(20, Math.max(21, 15 * 60 - minute)) * MINUTE_MS;
    }
    return this.officeOn(calendar, calendar.addDays(day, Math.max(n, 1)));
  }

  /** Some minutes later (same sitting, same interview). */
  minutesAfter(from: number, min: number, max: number): number {
    return from + this.rng.int(min, max) * MINUTE_MS;
  }

  hoursAfter(from: number, min: number, max: number): number {
    return from + Math.round(this.rng.float() * (max - min) * 60 + min * 60) * MINUTE_MS;
  }

  /** A typical delay in days (log-normal-ish around the median), at office hours. */
  daysAfter(calendar: WorkingDays, from: number, median: number, min: number, max: number): number {
    const days = Math.round(this.rng.skewed(median, min, max));
    return this.officeOn(calendar, this.clock.dayOf(from + days * DAY_MS));
  }

  dayOf(instant: number): number {
    return this.clock.dayOf(instant);
  }
}
