/**
 * Providers, outermost first: data cache, session, Mantine theme with the language's direction,
 * then the router.
 */
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { ApiError } from '../api/client';
import { applyDocumentLanguage, directionOf } from '../i18n/i18n';
import { router } from './routes';
import { SessionProvider } from './session';
import { theme } from './theme';
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

export function App({ initialDirection }: { initialDirection: 'rtl' | 'ltr' }) {
  return (
    <QueryClientProvider client={queryClient}>
      <DirectionProvider initialDirection={initialDirection} detectDirection={false}>
        <MantineProvider theme={theme}>
          <LanguageDirection />
          <Notifications position="top-center" />
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </MantineProvider>
      </DirectionProvider>
    </QueryClientProvider>
  );
}
