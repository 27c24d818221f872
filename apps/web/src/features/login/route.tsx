/**
 * Sign-in: username and password, then a TOTP code when the account has one (the server answers
 * MFA_REQUIRED), or TOTP enrolment when the user's role requires it and none is set up yet.
 */
import {
  Alert,
  Button,
  Center,
  Code,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import type { CurrentUser } from '../../api/types';
import { CURRENT_USER_KEY } from '../../app/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LOGIN } from './messages';

interface LoginResponse {
  user: CurrentUser;
  mfaEnrolmentRequired: boolean;
}

const KNOWN_ERRORS: Record<string, string> = {
  INVALID_CREDENTIALS: 'invalidCredentials',
  ACCOUNT_LOCKED: 'locked',
  ACCOUNT_DISABLED: 'disabled',
  RATE_LIMITED: 'rateLimited',
};

/** Only same-site paths: `?next=https://evil.example` must not send anyone away. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function Component() {
  const { t } = useTranslation(LOGIN);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUrl: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);

  async function finish(user: CurrentUser) {
    queryClient.setQueryData(CURRENT_USER_KEY, user);
    await navigate(safeNext(params.get('next')), { replace: true });
  }

  async function signIn(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const response = await api.post<LoginResponse>('/auth/login', {
        username: username.trim(),
        password,
        ...(needsCode ? { totpCode: totpCode.trim() } : {}),
      });
      if (response.mfaEnrolmentRequired) {
        setEnrolment(await api.post('/auth/mfa/totp/setup'));
      } else {
        await finish(response.user);
      }
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'MFA_REQUIRED') {
        setNeedsCode(true);
      } else {
        setError(caught);
      }
    } finally {
      setBusy(false);
    }
  }

  async function confirmEnrolment(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/auth/mfa/totp/confirm', { code: totpCode.trim() });
      await finish(await api.get<CurrentUser>('/auth/me'));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  const knownError =
    error instanceof ApiError && KNOWN_ERRORS[error.code]
      ? t(KNOWN_ERRORS[error.code] ?? '')
      : null;

  return (
    <Center mih="100vh" p="md" component="main" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%">
        <Stack>
          <div>
            <Text fw={700} size="xl" c="qadiya.8">
              {t('common:appName')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('common:appTagline')}
            </Text>
          </div>
          <Title order={1} size="h3">
            {enrolment ? t('enrol.title') : t('title')}
          </Title>
          {knownError ? (
            <Alert color="red" role="alert">
              {knownError}
            </Alert>
          ) : (
            <ErrorAlert error={error} />
          )}
          {enrolment ? (
            <form onSubmit={(event) => void confirmEnrolment(event)}>
              <Stack>
                <Text size="sm">{t('enrol.body')}</Text>
                <Text size="sm" fw={500}>
                  {t('enrol.secret')}
                </Text>
                <Code block dir="ltr">
                  {enrolment.secret}
                </Code>
                <TextInput
                  label={t('totpCode')}
                  value={totpCode}
                  onChange={(event) => setTotpCode(event.currentTarget.value)}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  required
                  dir="ltr"
                />
                <Button type="submit" loading={busy}>
                  {t('enrol.confirm')}
                </Button>
              </Stack>
            </form>
          ) : (
            <form onSubmit={(event) => void signIn(event)}>
              <Stack>
                <TextInput
                  label={t('username')}
                  value={username}
                  onChange={(event) => setUsername(event.currentTarget.value)}
                  autoComplete="username"
                  required
                  dir="ltr"
                  name="username"
                />
                <PasswordInput
                  label={t('password')}
                  value={password}
                  onChange={(event) => setPassword(event.currentTarget.value)}
                  autoComplete="current-password"
                  required
                  dir="ltr"
                  name="password"
                />
                {needsCode ? (
                  <TextInput
                    label={t('totpCode')}
                    description={t('totpHint')}
                    value={totpCode}
                    onChange={(event) => setTotpCode(event.currentTarget.value)}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    required
                    dir="ltr"
                    name="totpCode"
                    data-autofocus
                  />
                ) : null}
                <Button type="submit" loading={busy}>
                  {needsCode ? t('verify') : t('submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Stack>
      </Paper>
    </Center>
  );
}
