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
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api } from '../../api/client';
import { useLanguage } from '../../app/use-language';
import { QueryState } from '../../components/QueryState';
import { formatDateTime, formatNumber } from '../../format/format';
import {
  adminKeys,
  useInstitutions,
  useUsers,
  USERS_PAGE_SIZE,
  type AdminUser,
  type UserWithAssignments,
} from './api';
import { ADMIN } from './messages';
import {
  AdminError,
  FormModal,
  fieldError,
  pickName,
  useInstitutionName,
  useInstitutionOptions,
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
              <Table.ScrollContainer minWidth={800}>
                <Table striped highlightOnHover captionSide="top" data-testid="users-table">
                  <Table.Caption ta="start" c="gray.7">
                    {t('users.caption')}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('users.username')}</Table.Th>
                      <Table.Th>{t('users.name')}</Table.Th>
                      <Table.Th>{t('users.institution')}</Table.Th>
                      <Table.Th>{t('status')}</Table.Th>
                      <Table.Th>{t('users.lastLogin')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.length === 0 ? (
                      <Table.Tr>
                        <Table.Td colSpan={5}>{t('empty')}</Table.Td>
                      </Table.Tr>
                    ) : null}
                    {data.items.map((user) => (
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
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
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
  const institutions = useInstitutions();
  const institutionOptions = useInstitutionOptions(institutions.data?.items);
  const [username, setUsername] = useState('');
  const [displayNameAr, setDisplayNameAr] = useState('');
  const [displayNameEn, setDisplayNameEn] = useState('');
  const [email, setEmail] = useState('');
  const [sex, setSex] = useState<string | null>(null);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [password, setPassword] = useState('');

  const create = useMutation({
    mutationFn: () =>
      api.post<UserWithAssignments>('/admin/users', {
        username: username.trim(),
        password,
        displayNameAr: displayNameAr.trim(),
        displayNameEn: displayNameEn.trim(),
        email: email.trim() || null,
        sex: sex === 'female' || sex === 'male' ? sex : null,
        institutionId,
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: adminKeys.users });
      queryClient.setQueryData(adminKeys.user(result.user.id), result);
      notifications.show({
        message: t('users.created'),
        color: 'green',
        closeButtonProps: { 'aria-label': t('common:close') },
      });
      await navigate(`/admin/users/${result.user.id}`);
    },
  });

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <form onSubmit={submit} data-testid="user-create-form">
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
        <TextInput
          label={t('users.displayNameAr')}
          value={displayNameAr}
          onChange={(event) => setDisplayNameAr(event.currentTarget.value)}
          required
          dir="rtl"
          lang="ar"
          name="displayNameAr"
          error={fieldError(create.error, 'displayNameAr')}
        />
        <TextInput
          label={t('users.displayNameEn')}
          value={displayNameEn}
          onChange={(event) => setDisplayNameEn(event.currentTarget.value)}
          required
          dir="ltr"
          lang="en"
          name="displayNameEn"
          error={fieldError(create.error, 'displayNameEn')}
        />
        <TextInput
          label={t('users.email')}
          type="email"
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          dir="ltr"
          name="email"
          error={fieldError(create.error, 'email')}
        />
        <Select
          label={t('users.sex')}
          data={[
            { value: 'female', label: t('users.female') },
            { value: 'male', label: t('users.male') },
          ]}
          value={sex}
          onChange={setSex}
          clearable
          clearButtonProps={{ 'aria-label': t('clear') }}
        />
        <Select
          label={t('users.institution')}
          placeholder={t('national')}
          data={institutionOptions}
          value={institutionId}
          onChange={setInstitutionId}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('clear') }}
          error={fieldError(create.error, 'institutionId')}
          data-testid="user-institution"
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
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
