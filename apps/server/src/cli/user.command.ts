/**
 * `qadiya user create` and `qadiya user disable`: the operator's way in before any administrator
 * exists (the first admin), and out when an account must be stopped at once. Both run the same use
 * cases as the admin API, as the system actor named `cli:<os user>` in the audit log.
 */
import { isRole, ROLES, UNIT_KINDS, type UnitKind } from '@qadiya/domain';
import type { Command } from 'commander';
import { systemClock } from '../clock';
import { loadConfig } from '../config';
import { notFound } from '../http/errors';
import { systemActor } from '../policy/actor';
import type { Services, UseCaseContext } from '../use-case-context';
import { createUser } from '../users/create-user';
import { disableUser } from '../users/manage-user-access';
import { findUserByUsername } from '../users/users.repository';
import { findInstitutionIdByCode, findUnitId } from './cli-lookups.repository';
import {
  cliOrigin,
  CliError,
  cliUsername,
  consoleOutput,
  withMaintenanceDatabase,
  type CliOutput,
} from './cli-support';
import { promptNewPassword, readPasswordFromStdin } from './read-password';

export function cliContext(services: Services): UseCaseContext {
  return { ...services, actor: systemActor(cliUsername()), origin: cliOrigin(services.clock) };
}

export interface UserCreateOptions {
  username: string;
  nameAr: string;
  nameEn: string;
  role: string;
  /** Institution code (e.g. RAM-PRO); omitted for the national roles admin, auditor, analyst. */
  institution?: string | undefined;
  unit?: string | undefined;
  email?: string | undefined;
  sex?: string | undefined;
  password: string;
}

export async function userCreateCommand(
  services: Services,
  options: UserCreateOptions,
  out: CliOutput,
): Promise<string> {
  const role = options.role.trim();
  if (!isRole(role)) {
    throw new CliError(`Unknown role "${role}". The roles are: ${ROLES.join(', ')}.`);
  }
  if (options.sex !== undefined && options.sex !== 'female' && options.sex !== 'male') {
    throw new CliError('--sex is "female" or "male".');
  }
  let institutionId: string | null = null;
  let unitId: string | null = null;
  if (options.institution) {
    institutionId = (await findInstitutionIdByCode(services.db, options.institution)) ?? null;
    if (!institutionId) throw new CliError(`No institution has the code "${options.institution}".`);
  }
  if (options.unit) {
    if (!institutionId) throw new CliError('--unit needs --institution.');
    if (!(UNIT_KINDS as readonly string[]).includes(options.unit)) {
      throw new CliError(
        `Unknown unit "${options.unit}". The units are: ${UNIT_KINDS.join(', ')}.`,
      );
    }
    unitId = (await findUnitId(services.db, institutionId, options.unit as UnitKind)) ?? null;
    if (!unitId) throw new CliError(`${options.institution} has no ${options.unit} unit.`);
  }
  const { user } = await createUser(cliContext(services), {
    username: options.username,
    password: options.password,
    displayNameAr: options.nameAr,
    displayNameEn: options.nameEn,
    email: options.email ?? null,
    sex: options.sex ?? null,
    institutionId,
    roles: [{ role, institutionId, unitId }],
  });
  const where = options.institution ? `at ${options.institution.toUpperCase()}` : 'national scope';
  out.info(`Created user ${user.username} (${user.id}) with the role ${role}, ${where}.`);
  return user.id;
}

export async function userDisableCommand(
  services: Services,
  username: string,
  reason: string,
  out: CliOutput,
): Promise<void> {
  const user = await findUserByUsername(services.db, username.trim());
  if (!user) throw notFound('User', username);
  await disableUser(cliContext(services), user.id, reason);
  out.info(`Disabled user ${user.username}; all of their sessions are revoked.`);
}

interface CreateFlags extends Omit<UserCreateOptions, 'password'> {
  passwordStdin?: boolean;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('Create and disable user accounts');
  user
    .command('create')
    .description('Create a user with one role (the first administrator: --role admin)')
    .requiredOption('--username <username>', 'sign-in name: letters, digits, . _ -')
    .requiredOption('--name-ar <name>', 'name in Arabic, e.g. "سامي عودة"')
    .requiredOption('--name-en <name>', 'name in English, e.g. "Sami Odeh"')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--institution <code>', 'institution code; omit for admin, auditor and analyst')
    .option('--unit <kind>', `prosecution unit: ${UNIT_KINDS.join(', ')}`)
    .option('--email <address>', 'e-mail address')
    .option('--sex <sex>', 'female or male')
    .option('--password-stdin', 'read the password from standard input instead of prompting')
    .action(async (flags: CreateFlags) => {
      const password = flags.passwordStdin
        ? await readPasswordFromStdin()
        : await promptNewPassword();
      const config = loadConfig();
      await withMaintenanceDatabase(config, ({ db }) =>
        userCreateCommand(
          { db, clock: systemClock, config },
          { ...flags, password },
          consoleOutput,
        ),
      );
    });
  user
    .command('disable <username>')
    .description('Disable an account and revoke its sessions')
    .option(
      '--reason <text>',
      'why, for the audit log',
      'disabled by the operator (qadiya user disable)',
    )
    .action(async (username: string, flags: { reason: string }) => {
      const config = loadConfig();
      await withMaintenanceDatabase(config, ({ db }) =>
        userDisableCommand(
          { db, clock: systemClock, config },
          username,
          flags.reason,
          consoleOutput,
        ),
      );
    });
}
