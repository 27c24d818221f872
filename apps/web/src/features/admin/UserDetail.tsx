/**
 * One user: account details (edit with the version, disable/enable, unlock, new password) and
 * role assignments (grant any kind, revoke with a reason). The server refuses a change to one's
 * own roles (SELF_GRANT_FORBIDDEN); the refusal is shown as such.
 */
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  BREAK_GLASS_MAX_HOURS,
  GRANT_KINDS,
  ROLE_LABELS,
  ROLES,
  UNIT_KIND_LABELS,
  type GrantKind,
  type Role,
} from '@qadiya/domain/organisation';
import { IconArrowLeft, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { FormActions, FormModal } from '../../components/FormModal';
import { PageTitle } from '../../components/PageTitle';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../../format/format';
import { pick } from '../../i18n/i18n';
import {
  adminKeys,
  useInstitutions,
  useUser,
  type AdminUser,
  type Institution,
  type RoleAssignment,
  type UserWithAssignments,
} from './api';
import { ADMIN } from './messages';
import {
  AdminError,
  fieldError,
  pickName,
  submitting,
  useInstitutionName,
  useInstitutionOptions,
  useNotifySaved,
  useSaveThenClose,
} from './shared';
import { UserFields, userFieldsBody, UserStatusBadges, type UserFieldValues } from './UsersPanel';

type Dialog = 'edit' | 'disable' | 'reset' | 'grant' | { revoke: RoleAssignment } | null;

function userName(user: AdminUser, language: 'ar' | 'en') {
  return pickName({ nameAr: user.displayNameAr, nameEn: user.displayNameEn }, language);
}

export function UserDetail() {
  const { userId = '' } = useParams();
  const user = useUser(userId);
  return (
    <QueryState query={user}>
      {(data) => <UserPage data={data} fetchedAt={user.dataUpdatedAt} />}
    </QueryState>
  );
}

function assignmentState(assignment: RoleAssignment, now: number) {
  if (assignment.revokedAt) return 'revoked' as const;
  if (assignment.validUntil && new Date(assignment.validUntil).getTime() <= now)
    return 'expired' as const;
  // A minute of grace: the server's clock, not the browser's, set validFrom.
  if (new Date(assignment.validFrom).getTime() > now + 60_000) return 'pending' as const;
  return 'current' as const;
}

const STATE_COLOURS = {
  current: '#1b5e20',
  expired: 'gray.7',
  revoked: 'red.9',
  pending: '#8a3c00',
};

function UserPage({ data, fetchedAt }: { data: UserWithAssignments; fetchedAt: number }) {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const session = useSession();
  const queryClient = useQueryClient();
  const notifySaved = useNotifySaved();
  const institutions = useInstitutions();
  const institutionName = useInstitutionName(institutions.data?.items);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { user, assignments } = data;
  const name = userName(user, language);
  const isSelf = user.id === session.user.id;
  const now = fetchedAt;

  const unitName = (institutionId: string | null, unitId: string | null) => {
    if (!unitId) return '—';
    const unit = institutions.data?.items
      .find((i) => i.id === institutionId)
      ?.units.find((u) => u.id === unitId);
    return unit ? pick(UNIT_KIND_LABELS[unit.kind], language) : unitId;
  };

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: adminKeys.users });
  };

  const accountAction = useMutation({
    mutationFn: (action: 'enable' | 'unlock') =>
      api.post<AdminUser>(`/admin/users/${user.id}/${action}`),
    onSuccess: async () => {
      notifySaved();
      await refresh();
    },
  });

  const close = () => setDialog(null);

  return (
    <Stack>
      <Anchor component={Link} to="/admin/users" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden className="mirror-in-rtl" />
          {t('users.back')}
        </Group>
      </Anchor>
      <PageTitle>{name}</PageTitle>
      {isSelf ? (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} variant="light">
          {t('users.ownAccount')}
        </Alert>
      ) : null}
      <AdminError error={accountAction.error} />
      <Card withBorder>
        <Stack>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('users.details')}
            </Title>
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setDialog('edit')}>
                {t('users.edit')}
              </Button>
              <Button size="xs" variant="light" onClick={() => setDialog('reset')}>
                {t('users.resetPassword')}
              </Button>
              {user.isLocked ? (
                <Button
                  size="xs"
                  variant="light"
                  loading={accountAction.isPending}
                  onClick={() => accountAction.mutate('unlock')}
                >
                  {t('users.unlock')}
                </Button>
              ) : null}
              {user.isActive ? (
                <Button size="xs" variant="light" color="red" onClick={() => setDialog('disable')}>
                  {t('users.disable')}
                </Button>
              ) : (
                <Button
                  size="xs"
                  variant="light"
                  loading={accountAction.isPending}
                  onClick={() => accountAction.mutate('enable')}
                >
                  {t('users.enable')}
                </Button>
              )}
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Field label={t('users.username')}>
              <span dir="ltr">{user.username}</span>
            </Field>
            <Field label={t('users.displayNameAr')}>{user.displayNameAr}</Field>
            <Field label={t('users.displayNameEn')}>
              <span dir="ltr">{user.displayNameEn}</span>
            </Field>
            <Field label={t('users.institution')}>{institutionName(user.institutionId)}</Field>
            <Field label={t('users.email')}>
              <span dir="ltr">{user.email ?? '—'}</span>
            </Field>
            <Field label={t('users.sex')}>{user.sex ? t(`users.${user.sex}`) : '—'}</Field>
            <Field label={t('status')}>
              <UserStatusBadges user={user} />
            </Field>
            <Field label={t('users.lastLogin')}>
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt, language) : t('users.never')}
            </Field>
          </SimpleGrid>
        </Stack>
      </Card>

      <Group justify="space-between" mt="md">
        <Title order={2} size="h4">
          {t('roles.title')}
        </Title>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setDialog('grant')}
          data-testid="role-grant"
        >
          {t('roles.grant')}
        </Button>
      </Group>
      <DataTable
        minWidth={900}
        striped
        data-testid="assignments-table"
        caption={t('roles.caption')}
        columns={[
          t('roles.role'),
          t('roles.grantKind'),
          t('roles.institution'),
          t('roles.unit'),
          t('roles.validFrom'),
          t('roles.validUntil'),
          t('roles.reason'),
          t('roles.state'),
          t('actions'),
        ]}
        items={assignments}
        empty={t('empty')}
      >
        {(assignment) => {
          const state = assignmentState(assignment, now);
          return (
            <Table.Tr key={assignment.id}>
              <Table.Td>{pick(ROLE_LABELS[assignment.role], language)}</Table.Td>
              <Table.Td>
                {t(`roles.kinds.${assignment.grantKind}`)}
                {assignment.caseId ? (
                  <Text size="xs" c="gray.7">
                    <Anchor component={Link} to={`/cases/${assignment.caseId}`} size="xs">
                      {t('roles.caseId')}
                    </Anchor>
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{institutionName(assignment.institutionId)}</Table.Td>
              <Table.Td>{unitName(assignment.institutionId, assignment.unitId)}</Table.Td>
              <Table.Td>{formatDateTime(assignment.validFrom, language)}</Table.Td>
              <Table.Td>
                {assignment.validUntil ? formatDateTime(assignment.validUntil, language) : '—'}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={3}>
                  {assignment.revokeReason ?? assignment.reason ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={STATE_COLOURS[state]} variant="filled">
                  {t(`roles.${state}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {state === 'current' || state === 'pending' ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => setDialog({ revoke: assignment })}
                    aria-label={`${t('roles.revoke')}: ${pick(ROLE_LABELS[assignment.role], language)}`}
                  >
                    {t('roles.revoke')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          );
        }}
      </DataTable>

      <FormModal
        opened={dialog === 'edit'}
        onClose={close}
        title={t('users.editTitle', { name })}
        size="lg"
      >
        <EditUserForm user={user} institutions={institutions.data?.items} onDone={close} />
      </FormModal>
      <FormModal
        opened={dialog === 'disable'}
        onClose={close}
        title={t('users.disableTitle', { name })}
      >
        <ReasonForm
          hint={t('users.disableHint')}
          label={t('users.reason')}
          submitLabel={t('users.disable')}
          danger
          run={(reason) => api.post(`/admin/users/${user.id}/disable`, { reason })}
          onDone={close}
        />
      </FormModal>
      <FormModal
        opened={dialog === 'reset'}
        onClose={close}
        title={t('users.resetTitle', { name })}
      >
        <ResetPasswordForm userId={user.id} onDone={close} />
      </FormModal>
      <FormModal
        opened={dialog === 'grant'}
        onClose={close}
        title={t('roles.grantTitle', { name })}
        size="lg"
      >
        <GrantRoleForm user={user} institutions={institutions.data?.items} onDone={close} />
      </FormModal>
      <FormModal
        opened={typeof dialog === 'object' && dialog !== null}
        onClose={close}
        title={
          typeof dialog === 'object' && dialog !== null
            ? t('roles.revokeTitle', { role: pick(ROLE_LABELS[dialog.revoke.role], language) })
            : ''
        }
      >
        {typeof dialog === 'object' && dialog !== null ? (
          <ReasonForm
            label={t('roles.revokeReason')}
            submitLabel={t('roles.revoke')}
            danger
            run={(reason) =>
              api.post(`/admin/role-assignments/${dialog.revoke.id}/revoke`, { reason })
            }
            onDone={close}
          />
        ) : null}
      </FormModal>
    </Stack>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="gray.7">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function EditUserForm({
  user,
  institutions,
  onDone,
}: {
  user: AdminUser;
  institutions: readonly Institution[] | undefined;
  onDone: () => void;
}) {
  const [version, setVersion] = useState(user.version);
  const [fields, setFields] = useState<UserFieldValues>({
    displayNameAr: user.displayNameAr,
    displayNameEn: user.displayNameEn,
    email: user.email ?? '',
    sex: user.sex,
    institutionId: user.institutionId,
  });

  const save = useSaveThenClose(
    adminKeys.users,
    () =>
      api.patch<AdminUser>(`/admin/users/${user.id}`, {
        version,
        ...userFieldsBody(fields),
      }),
    onDone,
  );

  return (
    <form onSubmit={submitting(() => save.mutate())}>
      <Stack>
        <AdminError
          error={save.error}
          onUseLatest={(current) => {
            setVersion(current);
            save.reset();
          }}
        />
        <UserFields
          values={fields}
          onChange={setFields}
          error={save.error}
          institutions={institutions}
          focusFirst
        />
        <FormActions onCancel={onDone} loading={save.isPending} />
      </Stack>
    </form>
  );
}

function ReasonForm({
  label,
  hint,
  submitLabel,
  danger = false,
  run,
  onDone,
}: {
  label: string;
  hint?: string;
  submitLabel: string;
  danger?: boolean;
  run: (reason: string) => Promise<unknown>;
  onDone: () => void;
}) {
  const [reason, setReason] = useState('');
  const mutation = useSaveThenClose(adminKeys.users, () => run(reason.trim()), onDone);
  return (
    <form onSubmit={submitting(() => mutation.mutate())}>
      <Stack>
        <AdminError error={mutation.error} />
        {hint ? <Text size="sm">{hint}</Text> : null}
        <Textarea
          label={label}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          required
          autosize
          minRows={2}
          maxLength={2000}
          error={fieldError(mutation.error, 'reason')}
          data-autofocus
        />
        <FormActions
          onCancel={onDone}
          submitLabel={submitLabel}
          color={danger ? 'red' : undefined}
          loading={mutation.isPending}
          disabled={!reason.trim()}
        />
      </Stack>
    </form>
  );
}

function ResetPasswordForm({ userId, onDone }: { userId: string; onDone: () => void }) {
  const { t } = useTranslation(ADMIN);
  const [password, setPassword] = useState('');
  const reset = useSaveThenClose(
    adminKeys.users,
    () => api.post<AdminUser>(`/admin/users/${userId}/reset-password`, { newPassword: password }),
    onDone,
  );
  return (
    <form onSubmit={submitting(() => reset.mutate())}>
      <Stack>
        <AdminError error={reset.error} />
        <Text size="sm">{t('users.resetHint')}</Text>
        <PasswordInput
          label={t('users.newPassword')}
          description={t('users.passwordHint')}
          descriptionProps={{ c: 'gray.7' }}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          required
          minLength={10}
          dir="ltr"
          autoComplete="new-password"
          error={fieldError(reset.error, 'newPassword')}
          data-autofocus
        />
        <FormActions onCancel={onDone} loading={reset.isPending} />
      </Stack>
    </form>
  );
}

const NEEDS_CASE: readonly GrantKind[] = ['specific', 'excluded'];
const NEEDS_REASON: readonly GrantKind[] = ['excluded', 'break_glass'];

function GrantRoleForm({
  user,
  institutions,
  onDone,
}: {
  user: AdminUser;
  institutions: readonly Institution[] | undefined;
  onDone: () => void;
}) {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const institutionOptions = useInstitutionOptions(institutions);
  const [role, setRole] = useState<Role | null>(null);
  const [grantKind, setGrantKind] = useState<GrantKind>('standard');
  const [institutionId, setInstitutionId] = useState<string | null>(user.institutionId);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [caseId, setCaseId] = useState('');
  const [reason, setReason] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const units = institutions?.find((i) => i.id === institutionId)?.units ?? [];
  const needsCase = NEEDS_CASE.includes(grantKind);
  const needsReason = NEEDS_REASON.includes(grantKind);
  const isBreakGlass = grantKind === 'break_glass';

  const grant = useSaveThenClose(
    adminKeys.users,
    (until: string | null) =>
      api.post<RoleAssignment>(`/admin/users/${user.id}/role-assignments`, {
        role,
        grantKind,
        institutionId,
        unitId,
        caseId: needsCase ? caseId.trim() || null : null,
        reason: reason.trim() || null,
        validUntil: until,
      }),
    onDone,
  );

  function chooseKind(kind: GrantKind) {
    setGrantKind(kind);
    if (kind === 'break_glass' && !validUntil) {
      setValidUntil(toLocalInputValue(new Date(Date.now() + 24 * 3_600_000)));
    }
  }

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    setLocalError(null);
    const until = validUntil ? fromLocalInputValue(validUntil) : null;
    if (validUntil && !until) {
      setLocalError(t('common:validation.invalidDate'));
      return;
    }
    if (isBreakGlass) {
      if (!until) {
        setLocalError(t('roles.mustExpire'));
        return;
      }
      if (new Date(until).getTime() > Date.now() + BREAK_GLASS_MAX_HOURS * 3_600_000) {
        setLocalError(t('roles.tooLong', { hours: BREAK_GLASS_MAX_HOURS }));
        return;
      }
    }
    grant.mutate(until);
  }

  return (
    <form onSubmit={submit} data-testid="role-grant-form">
      <Stack>
        <AdminError error={grant.error} />
        <Select
          label={t('roles.role')}
          data={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r], language) }))}
          value={role}
          onChange={(value) => setRole(value)}
          required
          searchable
          error={fieldError(grant.error, 'role')}
          data-testid="grant-role"
          data-autofocus
        />
        <Select
          label={t('roles.grantKind')}
          description={t(`roles.kindHints.${grantKind}`)}
          descriptionProps={{ c: 'gray.7' }}
          data={GRANT_KINDS.map((kind) => ({ value: kind, label: t(`roles.kinds.${kind}`) }))}
          value={grantKind}
          onChange={(value) => value && chooseKind(value)}
          allowDeselect={false}
          error={fieldError(grant.error, 'grantKind')}
          data-testid="grant-kind"
        />
        <Select
          label={t('roles.institution')}
          placeholder={t('national')}
          data={institutionOptions}
          value={institutionId}
          onChange={(value) => {
            setInstitutionId(value);
            setUnitId(null);
          }}
          searchable
          clearable
          error={fieldError(grant.error, 'institutionId')}
          data-testid="grant-institution"
        />
        {units.length > 0 ? (
          <Select
            label={t('roles.unit')}
            placeholder={t('noneOption')}
            data={units.map((unit) => ({
              value: unit.id,
              label: pick(UNIT_KIND_LABELS[unit.kind], language),
            }))}
            value={unitId}
            onChange={setUnitId}
            clearable
            error={fieldError(grant.error, 'unitId')}
          />
        ) : null}
        {needsCase ? (
          <TextInput
            label={t('roles.caseId')}
            description={t('roles.caseIdHint')}
            descriptionProps={{ c: 'gray.7' }}
            value={caseId}
            onChange={(event) => setCaseId(event.currentTarget.value)}
            required
            dir="ltr"
            error={fieldError(grant.error, 'caseId')}
          />
        ) : null}
        <Textarea
          label={t('roles.reason')}
          description={t('roles.reasonRequired')}
          descriptionProps={{ c: 'gray.7' }}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          required={needsReason}
          autosize
          minRows={2}
          maxLength={2000}
          error={fieldError(grant.error, 'reason')}
        />
        <TextInput
          type="datetime-local"
          label={t('roles.validUntil')}
          description={t('roles.validUntilHint', { hours: BREAK_GLASS_MAX_HOURS })}
          descriptionProps={{ c: 'gray.7' }}
          value={validUntil}
          onChange={(event) => setValidUntil(event.currentTarget.value)}
          required={isBreakGlass}
          error={localError ?? fieldError(grant.error, 'validUntil')}
        />
        <FormActions
          onCancel={onDone}
          submitLabel={t('roles.grant')}
          loading={grant.isPending}
          disabled={!role}
        />
      </Stack>
    </form>
  );
}
