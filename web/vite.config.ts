import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig({
  root: import.meta.dirname,
  base: '/app/',
  plugins: [react()],
  build: { outDir: path.join(import.meta.dirname, 'dist'), emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1200 },
  server: { proxy: Object.fromEntries(apiPrefixes.map((prefix) => [prefix, API])) },
});
