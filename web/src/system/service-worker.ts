/**
 * Registers the service worker that vite-plugin-pwa builds (web/vite.config.ts), after the first screen has loaded:
 * the registration code (workbox-window) is a chunk of its own, so it costs the sign-in page nothing. A new build
 * takes over at the next navigation (`autoUpdate`); the worker only serves the shell, so nothing is lost by it.
 * `onControlling` runs when the worker first takes charge of this page: asking again for what the screen shows
 * lets the worker keep the answers the shell needs offline from the very first visit.
 */
export function registerServiceWorkerLater(onControlling: () => void) {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const register = () => {
    navigator.serviceWorker.addEventListener('controllerchange', onControlling, { once: true });
    void import('virtual:pwa-register').then(({ registerSW }) => registerSW({ immediate: true }));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
