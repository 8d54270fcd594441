/** The service worker's cache of the API answers every screen needs first (web/vite.config.ts); emptied at sign-out. */
export const SHELL_API_CACHE = 'ledger-shell-api';
