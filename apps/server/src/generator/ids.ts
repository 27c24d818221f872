/**
 * Identifiers of generated rows: deterministic, unique and ordered. A generated uuid reads
 * `<run tag>-<table>-8000-8000-<counter>`: the run tag is a hash of the seed (so two generations
 * with different seeds never collide and generated rows are recognisable), the table code keeps
 * tables apart and the counter counts rows in the order the generator creates them. Rows created
 * in order give ordered keys, so the primary-key B-trees grow at their right edge during the load
 * instead of splitting pages at random. Version nibble 8 is RFC 9562's "custom" layout; the API
 * accepts any well-formed uuid.
 */
import { hash32 } from './random';

export const ID_TABLES = {
  region: 0x01,
  institution: 0x02,
  unit: 0x03,
  user: 0x04,
  roleAssignment: 0x05,
  person: 0x10,
  matter: 0x20,
  case: 0x21,
  event: 0x22,
  party: 0x23,
  charge: 0x24,
  detention: 0x25,
  detentionOrder: 0x26,
  hearing: 0x27,
  deadline: 0x28,
  assignment: 0x29,
  report: 0x2a,
  outbox: 0x2b,
} as const;

export type IdTable = keyof typeof ID_TABLES;

export function runTag(seed: string): string {
  return hash32(`qadiya-generate:${seed}`).toString(16).padStart(8, '0');
}

export class IdFactory {
  private readonly counters = new Map<IdTable, number>();
  private readonly prefixes = new Map<IdTable, string>();

  constructor(readonly tag: string) {
    for (const [table, code] of Object.entries(ID_TABLES) as [IdTable, number][]) {
      this.prefixes.set(table, `${tag}-${code.toString(16).padStart(4, '0')}-8000-8000-`);
    }
  }

  next(table: IdTable): string {
    const count = (this.counters.get(table) ?? 0) + 1;
    this.counters.set(table, count);
    return `${this.prefixes.get(table) ?? ''}${count.toString(16).padStart(12, '0')}`;
  }

  /** The id `next(table)` gave for its n-th call (1-based), without counting. */
  nth(table: IdTable, n: number): string {
    return `${this.prefixes.get(table) ?? ''}${n.toString(16).padStart(12, '0')}`;
  }

  count(table: IdTable): number {
    return this.counters.get(table) ?? 0;
  }
}
