/**
 * The demo accounts as the operator sees them: the table printed at start-up and by
 * `qadiya seed-demo`, and listed in the README.
 */
import { ROLE_LABELS } from '@qadiya/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { DEMO_INSTITUTIONS } from './demo-organisation';
import { DEMO_USERS } from './demo-users';
import { DEMO_PASSWORD } from './seed-demo';

export function demoLoginTable(): string[] {
  const institutionName = new Map(DEMO_INSTITUTIONS.map((i) => [i.code, i.nameEn]));
  return formatTable(
    ['username', 'password', 'role', 'institution'],
    DEMO_USERS.map((u) => [
      u.username,
      DEMO_PASSWORD,
      ROLE_LABELS[u.role].en,
      u.institution === null ? '(national)' : (institutionName.get(u.institution) ?? u.institution),
    ]),
  );
}

/** Whether this database was seeded with the demo (its audit log says so). */
export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('audit_log')
    .select('seq')
    .where('action', '=', 'system.demo_seeded')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The human-readable start-up message: where to go, and how to sign in to the demo. */
export function startupBanner(url: string, isDemo: boolean): string {
  const lines = ['', `Qadiya is running at ${url}`, `API documentation: ${url}/api/docs`];
  if (isDemo) {
    lines.push('', `Demo accounts (every password is "${DEMO_PASSWORD}"):`, '');
    lines.push(...demoLoginTable().map((line) => `  ${line}`));
  }
  lines.push('');
  return lines.join('\n');
}

/** Left-aligned text table for terminal output (ASCII cells). */
function formatTable(header: string[], rows: string[][]): string[] {
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => cell + ' '.repeat((widths[i] ?? 0) - cell.length))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
