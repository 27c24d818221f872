/**
 * Providers, outermost first: data cache, session, Mantine theme with the language's direction,
 * then the router.
 */
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { applyDocumentLanguage, directionOf } from '../i18n/i18n';
import { router } from './routes';
import { SessionProvider } from './session';
import { cssVariablesResolver, themeFor } from './theme';
import { useLanguage } from './use-language';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a network blip might.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

/** Keeps `<html lang dir>` and Mantine's direction in step with the chosen language. */
function LanguageDirection() {
  const language = useLanguage();
  const { setDirection } = useDirection();
  useEffect(() => {
    applyDocumentLanguage(language);
    setDirection(directionOf(language));
  }, [language, setDirection]);
  return null;
}

function ThemedProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const closeLabel = t('close');
  const clearLabel = t('clear');
  const theme = useMemo(() => themeFor(closeLabel, clearLabel), [closeLabel, clearLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      {children}
    </MantineProvider>
  );
}

export function App({ initialDirection }: { initialDirection: 'rtl' | 'ltr' }) {
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={initialDirection} detectDirection={false}>
        <ThemedProvider>
          <LanguageDirection />
          <Notifications position="top-center" />
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </ThemedProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
