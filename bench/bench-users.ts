/**
 * The accounts a run signs in with: a prosecutor and a chief prosecutor at the institution the run
 * works on, and a national analyst. They are created once, through the use case behind
 * `qadiya user create` and the admin API (so the creation is audited like any other), and found
 * again by later runs.
 */
import type { Role } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import { systemClock } from '../apps/server/src/clock';
import type { Config } from '../apps/server/src/config';
import type { Database } from '../apps/server/src/db/schema';
import { systemActor } from '../apps/server/src/policy/actor';
import { createUser } from '../apps/server/src/users/create-user';
import { findUserByUsername } from '../apps/server/src/users/users.repository';

/** The password of the bench accounts (a benchmark database holds no real data). */
export const BENCH_PASSWORD = 'bench-load-Qadiya-2026';

export interface BenchUser {
  key: 'prosecutor' | 'chief' | 'analyst';
  username: string;
  role: Role;
  /** National roles have no institution. */
  isNational: boolean;
  nameAr: string;
  nameEn: string;
}

export const BENCH_USERS: readonly BenchUser[] = [
  {
    key: 'prosecutor',
    username: 'bench.prosecutor',
    role: 'prosecutor',
    isNational: false,
    nameAr: 'وكيل نيابة القياس',
    nameEn: 'Benchmark prosecutor',
  },
  {
    key: 'chief',
    username: 'bench.chief',
    role: 'chief_prosecutor',
    isNational: false,
    nameAr: 'رئيس نيابة القياس',
    nameEn: 'Benchmark chief prosecutor',
  },
  {
    key: 'analyst',
    username: 'bench.analyst',
    role: 'analyst',
    isNational: true,
    nameAr: 'محلل القياس',
    nameEn: 'Benchmark analyst',
  },
];

export type BenchUsers = Record<BenchUser['key'], { id: string; username: string }>;

/** The bench accounts, created once through the use case the CLI and the admin API use. */
export async function ensureUsers(
  db: Kysely<Database>,
  config: Config,
  institutionId: string,
): Promise<BenchUsers> {
  const ctx = {
    db,
    clock: systemClock,
    config,
    actor: systemActor('bench'),
    origin: { requestId: null, sourceIp: null, occurredAt: systemClock.now() },
  };
  const users = {} as BenchUsers;
  for (const spec of BENCH_USERS) {
    const found = await findUserByUsername(db, spec.username);
    if (found) {
      users[spec.key] = { id: found.id, username: found.username };
      continue;
    }
    const institution = spec.isNational ? null : institutionId;
    const { user } = await createUser(ctx, {
      username: spec.username,
      password: BENCH_PASSWORD,
      displayNameAr: spec.nameAr,
      displayNameEn: spec.nameEn,
      institutionId: institution,
      roles: [{ role: spec.role, institutionId: institution, unitId: null }],
    });
    users[spec.key] = { id: user.id, username: user.username };
  }
  return users;
}
