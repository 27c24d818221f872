/**
 * Administration (`/admin/*`): institutions, users and their roles, the holiday calendar and the
 * per-role settings, as tabs whose panels are nested routes. Only administrators see it; the
 * server decides every request, and a refusal is shown, never hidden.
 */
import { Alert, Stack, Tabs } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../app/session';
import { PageTitle } from '../../components/PageTitle';
import { HolidaysPanel } from './HolidaysPanel';
import { InstitutionsPanel } from './InstitutionsPanel';
import { ADMIN } from './messages';
import { RoleSettingsPanel } from './RoleSettingsPanel';
import { UserDetail } from './UserDetail';
import { UsersPanel } from './UsersPanel';

const TABS = ['institutions', 'users', 'holidays', 'roles'] as const;
type Tab = (typeof TABS)[number];

function currentTab(pathname: string): Tab {
  const segment = pathname.replace(/^\/admin\/?/, '').split('/')[0] ?? '';
  return (TABS as readonly string[]).includes(segment) ? (segment as Tab) : 'institutions';
}

export function Component() {
  const { t } = useTranslation(ADMIN);
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();

  if (!session.hasRole('admin')) {
    return (
      <Stack>
        <PageTitle>{t('title')}</PageTitle>
        <Alert color="red" icon={<IconLock aria-hidden />} role="alert" data-testid="admin-refused">
          {t('refused')}
        </Alert>
      </Stack>
    );
  }

  const tab = currentTab(location.pathname);
  const isUserPage = /^\/admin\/users\/[^/]+/.test(location.pathname);

  return (
    <Stack>
      {isUserPage ? null : <PageTitle>{`${t('title')} · ${t(`tabs.${tab}`)}`}</PageTitle>}
      <Tabs
        value={tab}
        onChange={(value) => {
          if (value) void navigate(`/admin/${value}`);
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('tabs.label')}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value} data-testid={`admin-tab-${value}`}>
              {t(`tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((value) => (
          <Tabs.Panel key={value} value={value} pt="md">
            {value === tab ? (
              <Routes>
                <Route index element={<Navigate to="institutions" replace />} />
                <Route path="institutions" element={<InstitutionsPanel />} />
                <Route path="users" element={<UsersPanel />} />
                <Route path="users/:userId" element={<UserDetail />} />
                <Route path="holidays" element={<HolidaysPanel />} />
                <Route path="roles" element={<RoleSettingsPanel />} />
                <Route path="*" element={<Navigate to="institutions" replace />} />
              </Routes>
            ) : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
