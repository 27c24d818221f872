/**
 * Court time for generated hearings. A panel (or a magistrate sitting alone) has its own room, so
 * a slot that is free for the panel is free for its judges and its room: hearings are booked one
 * after the other through the day, never overlapping, which is what the server's double-booking
 * check requires of every hearing that is scheduled at once. Hearings already booked in the
 * database (a demo's) are stepped around.
 */
import { MINUTE_MS, type LocalClock } from './calendar';
import type { Panel } from './organisation';

/** The first hearing of the day starts at 08:30 local time. */
const DAY_START_MINUTE = 8 * 60 + 30;
/** Court sits until 23:00 at the latest; running out of slots means too few judges. */
const LAST_MINUTE = 23 * 60;

interface Booked {
  startsAt: number;
  endsAt: number;
}

export class HearingSlots {
  private readonly next = new Map<string, number>();
  private readonly booked = new Map<string, Booked[]>();

  /**
   * `nominal`: planning, where panels are not known yet; every hearing is put at 09:00 (the plan
   * never depends on the time of day of a hearing, only on its day).
   */
  constructor(
    private readonly clock: LocalClock,
    private readonly nominal: boolean,
    existing: readonly {
      courtId: string;
      room: string;
      judgeIds: string[];
      startsAt: number;
      endsAt: number;
    }[] = [],
  ) {
    for (const hearing of existing) {
      const keys = [
        `room:${hearing.courtId}:${hearing.room.toLowerCase()}`,
        ...hearing.judgeIds.map((j) => `judge:${j}`),
      ];
      for (const key of keys) {
        const list = this.booked.get(key) ?? [];
        list.push({ startsAt: hearing.startsAt, endsAt: hearing.endsAt });
        this.booked.set(key, list);
      }
    }
  }

  /** The next free slot of `minutes` for the panel on a local day: its start instant. */
  book(courtId: string, panel: Panel, day: number, minutes: number): number {
    if (this.nominal) return this.clock.at(day, 9 * 60);
    const key = `${courtId}:${panel.index}:${day}`;
    let minute = this.next.get(key) ?? DAY_START_MINUTE;
    for (;;) {
      if (minute + minutes > LAST_MINUTE) {
        throw new Error(
          `hearing capacity exceeded for a panel of court ${courtId} on day ${day}: too few judges for the load`,
        );
      }
      const startsAt = this.clock.at(day, minute);
      const endsAt = startsAt + minutes * MINUTE_MS;
      if (!this.clashes(courtId, panel, startsAt, endsAt)) {
        this.next.set(key, minute + minutes);
        return startsAt;
      }
      minute += minutes;
    }
  }

  private clashes(courtId: string, panel: Panel, startsAt: number, endsAt: number): boolean {
    if (this.booked.size === 0) return false;
    const keys = [
      `room:${courtId}:${panel.room.toLowerCase()}`,
      ...panel.judgeIds.map((j) => `judge:${j}`),
    ];
    return keys.some((key) =>
      (this.booked.get(key) ?? []).some((b) => b.startsAt < endsAt && b.endsAt > startsAt),
    );
  }
}
