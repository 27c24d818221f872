/**
 * User accounts: search and page through the users the administrator manages, and create one
 * (then its page opens, where roles are granted).
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Pagination,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { DataTable } from '../../components/DataTable';
import { FormActions, FormModal } from '../../components/FormModal';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatNumber } from '../../format/format';
import {
  adminKeys,
  useInstitutions,
  useUsers,
  USERS_PAGE_SIZE,
  type AdminUser,
  type Institution,
  type UserWithAssignments,
} from './api';
import { ADMIN } from './messages';
import {
  AdminError,
  fieldError,
  NameFields,
  pickName,
  submitting,
  useInstitutionName,
  useInstitutionOptions,
  useNotifySaved,
} from './shared';

export function UserStatusBadges({ user }: { user: AdminUser }) {
  const { t } = useTranslation(ADMIN);
  return (
    <Group gap={4}>
      {user.isActive ? (
        <Badge color="#1b5e20" variant="filled">
          {t('active')}
        </Badge>
      ) : (
        <Badge color="gray.7" variant="filled">
          {t('users.disabled')}
        </Badge>
      )}
      {user.isLocked ? (
        <Badge color="red.9" variant="filled">
          {t('users.locked')}
        </Badge>
      ) : null}
      {user.hasTotp ? (
        <Badge color="qadiya" variant="outline" tt="none">
          {t('users.totp')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** What the create and edit forms both ask of a user account. */
export interface UserFieldValues {
  displayNameAr: string;
  displayNameEn: string;
  email: string;
  sex: string | null;
  institutionId: string | null;
}

/** The request body for the user fields, trimmed; an empty e-mail is none. */
export function userFieldsBody(values: UserFieldValues) {
  return {
    displayNameAr: values.displayNameAr.trim(),
    displayNameEn: values.displayNameEn.trim(),
    email: values.email.trim() || null,
    sex: values.sex === 'female' || values.sex === 'male' ? values.sex : null,
    institutionId: values.institutionId,
  };
}

/** The names, e-mail, sex and institution of a user account, with the server's field problems. */
export function UserFields({
  values,
  onChange,
  error,
  institutions,
  focusFirst = false,
  institutionTestId,
}: {
  values: UserFieldValues;
  onChange: (values: UserFieldValues) => void;
  error: unknown;
  institutions: readonly Institution[] | undefined;
  focusFirst?: boolean;
  institutionTestId?: string;
}) {
  const { t } = useTranslation(ADMIN);
  const institutionOptions = useInstitutionOptions(institutions);
  const set = (change: Partial<UserFieldValues>) => onChange({ ...values, ...change });
  return (
    <>
      <NameFields
        arabic={{
          label: t('users.displayNameAr'),
          value: values.displayNameAr,
          onChange: (displayNameAr) => set({ displayNameAr }),
          field: 'displayNameAr',
        }}
        english={{
          label: t('users.displayNameEn'),
          value: values.displayNameEn,
          onChange: (displayNameEn) => set({ displayNameEn }),
          field: 'displayNameEn',
        }}
        error={error}
        focusFirst={focusFirst}
      />
      <TextInput
        label={t('users.email')}
        type="email"
        value={values.email}
        onChange={(event) => set({ email: event.currentTarget.value })}
        dir="ltr"
        name="email"
        error={fieldError(error, 'email')}
      />
      <Select
        label={t('users.sex')}
        data={[
          { value: 'female', label: t('users.female') },
          { value: 'male', label: t('users.male') },
        ]}
        value={values.sex}
        onChange={(sex) => set({ sex })}
        clearable
      />
      <Select
        label={t('users.institution')}
        placeholder={t('national')}
        data={institutionOptions}
        value={values.institutionId}
        onChange={(institutionId) => set({ institutionId })}
        searchable
        clearable
        error={fieldError(error, 'institutionId')}
        data-testid={institutionTestId}
      />
    </>
  );
}

export function UsersPanel() {
  const { t } = useTranslation(ADMIN);
  const language = useLanguage();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [status, setStatus] = useState<string>('all');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const institutions = useInstitutions();
  const institutionName = useInstitutionName(institutions.data?.items);
  const users = useUsers({
    q: debouncedQ,
    isActive: status === 'all' ? undefined : status === 'active',
    page,
  });

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Group align="flex-end">
          <TextInput
            label={t('users.searchLabel')}
            type="search"
            value={q}
            onChange={(event) => {
              setQ(event.currentTarget.value);
              setPage(1);
            }}
            dir="auto"
            data-testid="users-search"
          />
          <Select
            label={t('status')}
            data={[
              { value: 'all', label: t('all') },
              { value: 'active', label: t('active') },
              { value: 'inactive', label: t('users.disabled') },
            ]}
            value={status}
            onChange={(value) => {
              setStatus(value ?? 'all');
              setPage(1);
            }}
            allowDeselect={false}
          />
        </Group>
        <Button
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => setCreating(true)}
          data-testid="user-create"
        >
          {t('users.create')}
        </Button>
      </Group>
      <QueryState query={users}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / USERS_PAGE_SIZE));
          return (
            <Stack>
              <DataTable
                minWidth={800}
                striped
                highlightOnHover
                data-testid="users-table"
                caption={t('users.caption')}
                columns={[
                  t('users.username'),
                  t('users.name'),
                  t('users.institution'),
                  t('status'),
                  t('users.lastLogin'),
                ]}
                items={data.items}
                empty={t('empty')}
              >
                {(user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/users/${user.id}`} dir="ltr">
                        {user.username}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      {pickName(
                        { nameAr: user.displayNameAr, nameEn: user.displayNameEn },
                        language,
                      )}
                    </Table.Td>
                    <Table.Td>{institutionName(user.institutionId)}</Table.Td>
                    <Table.Td>
                      <UserStatusBadges user={user} />
                    </Table.Td>
                    <Table.Td>
                      {user.lastLoginAt
                        ? formatDateTime(user.lastLoginAt, language)
                        : t('users.never')}
                    </Table.Td>
                  </Table.Tr>
                )}
              </DataTable>
              <Group justify="space-between">
                <Text size="sm" c="gray.7">
                  {t('pageOf', {
                    page: formatNumber(page, language),
                    pages: formatNumber(pages, language),
                    total: formatNumber(data.total, language),
                  })}
                </Text>
                {pages > 1 ? (
                  <Pagination
                    total={pages}
                    value={page}
                    onChange={setPage}
                    aria-label={t('pagination')}
                  />
                ) : null}
              </Group>
            </Stack>
          );
        }}
      </QueryState>
      <FormModal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('users.create')}
        size="lg"
      >
        <CreateUserForm onCancel={() => setCreating(false)} />
      </FormModal>
    </Stack>
  );
}

function CreateUserForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation(ADMIN);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const notifySaved = useNotifySaved();
  const institutions = useInstitutions();
  const [username, setUsername] = useState('');
  const [fields, setFields] = useState<UserFieldValues>({
    displayNameAr: '',
    displayNameEn: '',
    email: '',
    sex: null,
    institutionId: null,
  });
  const [password, setPassword] = useState('');

  const create = useMutation({
    mutationFn: () =>
      api.post<UserWithAssignments>('/admin/users', {
        username: username.trim(),
        password,
        ...userFieldsBody(fields),
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      queryClient.setQueryData(adminKeys.user(result.user.id), result);
      notifySaved(t('users.created'));
      await navigate(`/admin/users/${result.user.id}`);
    },
  });

  return (
    <form onSubmit={submitting(() => create.mutate())} data-testid="user-create-form">
      <Stack>
        <AdminError error={create.error} />
        <TextInput
          label={t('users.username')}
          description={t('users.usernameHint')}
          descriptionProps={{ c: 'gray.7' }}
          value={username}
          onChange={(event) => setUsername(event.currentTarget.value)}
          required
          dir="ltr"
          autoComplete="off"
          name="username"
          error={fieldError(create.error, 'username')}
          data-autofocus
        />
        <UserFields
          values={fields}
          onChange={setFields}
          error={create.error}
          institutions={institutions.data?.items}
          institutionTestId="user-institution"
        />
        <PasswordInput
          label={t('users.password')}
          description={t('users.passwordHint')}
          descriptionProps={{ c: 'gray.7' }}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          required
          minLength={10}
          dir="ltr"
          autoComplete="new-password"
          name="password"
          error={fieldError(create.error, 'password')}
        />
        <FormActions onCancel={onCancel} loading={create.isPending} />
      </Stack>
    </form>
  );
}
