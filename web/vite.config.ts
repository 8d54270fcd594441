import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { SHELL_API_CACHE } from './src/system/shell-cache.ts';

// The API process serves the build under /app/ (api/web-ui.ts); `vite dev` proxies API calls to it.
const API = 'http://127.0.0.1:3000';
const apiPrefixes = [
  '/auth',
  '/cases',
  '/look-alikes',
  '/cycles',
  '/calendar',
  '/statistics',
  '/exports',
  '/org-units',
  '/admin',
  '/settings',
  '/leaders',
  '/leader-activities',
  '/appendices',
  '/public-service-projects',
];

/**
 * Installable, with a shell that opens offline (docs/web.md#offline-filing). Workbox precaches the build; of
 * the API it keeps only what every screen needs before it can show anything (the settings and the directory),
 * asking the network first so they are never staler than the last visit. Cases are never cached: a case page
 * offline says it cannot reach the server, and a filing made offline waits as a draft in IndexedDB instead.
 */
const pwa = VitePWA({
  // main.tsx registers the worker itself, lazily, so workbox-window stays out of the first screen's JavaScript.
  injectRegister: false,
  registerType: 'autoUpdate',
  manifest: {
    id: '/app/',
    name: '联动解决台账 Linkage Ledger',
    short_name: '联动台账',
    description: '街道、园区报送问题，区、市联动解决的台账',
    lang: 'zh-CN',
    start_url: '/app/',
    scope: '/app/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#1f3a5f',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // A new worker takes charge at once, of the page that installed it too, so the first visit already works offline.
    skipWaiting: true,
    clientsClaim: true,
    globPatterns: ['**/*.{js,css,html,png,svg,woff2}'],
    // Some route chunks (the charts) are larger than Workbox's 2 MiB default; the whole shell is to open offline.
    maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    navigateFallback: '/app/index.html',
    navigateFallbackAllowlist: [/^\/app\//],
    runtimeCaching: [
      {
        urlPattern: ({ url, request, sameOrigin }) =>
          sameOrigin && request.method === 'GET' && (url.pathname === '/settings' || url.pathname === '/org-units'),
        handler: 'NetworkFirst',
        options: { cacheName: SHELL_API_CACHE, networkTimeoutSeconds: 4, expiration: { maxEntries: 8 } },
      },
    ],
  },
});

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react(), pwa],
  build: { outDir: path.join(import.meta.dirname, 'dist'), emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: Object.fromEntries(apiPrefixes.map((prefix) => [prefix, API])) },
});
