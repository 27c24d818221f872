/**
 * The frame of every signed-in screen: a header with the app's name, the user and the language
 * switch; a side menu by role; and the page itself in `<main>`. A skip link leads keyboard users
 * straight to the content. Users who may read the persons registry or search files get a search
 * box in the header that leads to the person-search or the case-search screen.
 */
import {
  ActionIcon,
  Anchor,
  AppShell,
  Box,
  Burger,
  Button,
  Group,
  NativeSelect,
  NavLink,
  Stack,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLanguage, IconLogout, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { changeLanguage } from '../i18n/i18n';
import { PageLoader } from '../components/PageLoader';
import { COMMON } from './messages';
import { CASE_SEARCH_ROLES, PERSON_SEARCH_ROLES, visibleEntries } from './navigation';
import { useSession } from './session';
import { useUnitRoles } from './unit-roles';
import { useLanguage } from './use-language';

export function Layout() {
  const { t } = useTranslation(COMMON);
  const session = useSession();
  const onUnit = useUnitRoles(session.user.assignments);
  const language = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [menuOpen, menu] = useDisclosure(false);
  const name = language === 'ar' ? session.user.displayNameAr : session.user.displayNameEn;

  async function signOut() {
    await api.post('/auth/logout').catch(() => undefined);
    queryClient.clear();
    await navigate('/login', { replace: true });
  }

  const isActive = (path: string) =>
    path === '/' ? location.pathname === '/' : location.pathname.startsWith(path);
  const searchScopes: SearchScope[] = [
    ...(session.hasRole(...PERSON_SEARCH_ROLES) ? (['persons'] as const) : []),
    ...(session.hasRole(...CASE_SEARCH_ROLES) ? (['files'] as const) : []),
  ];

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !menuOpen } }}
      padding="md"
    >
      <Anchor href="#main" className="skip-link">
        {t('skipToContent')}
      </Anchor>
      <AppShell.Header className="no-print">
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={menuOpen}
              onClick={menu.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('openMenu')}
            />
            <Text component={Link} to="/" fw={700} size="xl" c="qadiya.8" td="none">
              {t('appName')}
            </Text>
            <Text size="sm" c="dimmed" visibleFrom="md">
              {t('appTagline')}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {searchScopes.length > 0 ? <GlobalSearch scopes={searchScopes} /> : null}
            <Text size="sm" fw={500} visibleFrom="xs" data-testid="current-user">
              {name}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              leftSection={<IconLanguage size={16} aria-hidden />}
              lang={language === 'ar' ? 'en' : 'ar'}
              onClick={() => void changeLanguage(language === 'ar' ? 'en' : 'ar')}
              data-testid="language-switch"
            >
              {t('language.switchTo')}
            </Button>
            <Button
              variant="subtle"
              size="compact-sm"
              color="gray"
              leftSection={<IconLogout size={16} aria-hidden className="mirror-in-rtl" />}
              onClick={() => void signOut()}
            >
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" className="no-print" aria-label={t('nav.label')} component="nav">
        <Stack gap={2}>
          {visibleEntries(session.hasRole, onUnit).map((entry) => (
            <NavLink
              key={entry.key}
              component={Link}
              to={entry.path}
              label={t(`nav.${entry.key}`)}
              active={isActive(entry.path)}
              aria-current={isActive(entry.path) ? 'page' : undefined}
              onClick={menu.close}
            />
          ))}
        </Stack>
        <VisuallyHidden>{session.user.username}</VisuallyHidden>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

type SearchScope = 'persons' | 'files';

/**
 * The header's search box: persons (a name in Arabic or Latin letters, or a national ID) or files
 * (words, a file number or a reference), for the scopes the user's roles search. Submitting opens
 * the person-search or the case-search screen with the query in its address.
 */
function GlobalSearch({ scopes }: { scopes: readonly SearchScope[] }) {
  const { t } = useTranslation(COMMON);
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [chosen, setScope] = useState<SearchScope>(scopes[0] ?? 'persons');
  const scope = scopes.includes(chosen) ? chosen : (scopes[0] ?? 'persons');
  const label = t(scope === 'persons' ? 'globalSearch.label' : 'globalSearch.filesLabel');

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    const query = text.trim();
    if (query === '') return;
    setText('');
    const screen = scope === 'persons' ? '/persons' : '/cases/search';
    void navigate(`${screen}?${new URLSearchParams({ q: query }).toString()}`);
  }

  return (
    <Box component="form" onSubmit={submit} role="search" aria-label={label} visibleFrom="xs">
      <Group gap={4} wrap="nowrap">
        {scopes.length > 1 ? (
          <NativeSelect
            size="xs"
            aria-label={t('globalSearch.scope')}
            value={scope}
            onChange={(event) => setScope(event.currentTarget.value as SearchScope)}
            data={scopes.map((value) => ({ value, label: t(`globalSearch.scopes.${value}`) }))}
            data-testid="global-search-scope"
          />
        ) : null}
        <TextInput
          size="xs"
          w={{ base: 150, md: 220 }}
          type="search"
          autoComplete="off"
          aria-label={label}
          placeholder={t(
            scope === 'persons' ? 'globalSearch.placeholder' : 'globalSearch.filesPlaceholder',
          )}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          rightSection={
            <ActionIcon
              type="submit"
              variant="subtle"
              size="sm"
              aria-label={t('globalSearch.submit')}
              data-testid="global-search-submit"
            >
              <IconSearch size={14} aria-hidden />
            </ActionIcon>
          }
          data-testid="global-search"
        />
      </Group>
    </Box>
  );
}
