import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { ApiFailure } from './api/client.ts';
import { I18nProvider } from './i18n/i18n.tsx';
import { SessionProvider } from './auth/session.tsx';
import { Localized } from './Localized.tsx';
import { AppRoutes } from './routes.tsx';
import { registerServiceWorkerLater } from './system/service-worker.ts';
import './styles.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a dropped connection may.
      retry: (count, error) => !(error instanceof ApiFailure && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/app">
          <I18nProvider>
            <Localized>
              <SessionProvider>
                <AppRoutes />
              </SessionProvider>
            </Localized>
          </I18nProvider>
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
}

registerServiceWorkerLater(() => void queryClient.invalidateQueries());
