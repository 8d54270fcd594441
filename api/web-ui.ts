import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { labelRoute } from './http-metrics.ts';

/** Browser URLs live under /app/ so they never collide with an API path (none starts with /app). */
export const WEB_UI_BASE = '/app/';

/** The service worker, Workbox's runtime beside it, the web app manifest and the icons (web/vite.config.ts). */
const PWA_FILES = /^\/app\/(sw\.js|workbox-[\w-]+\.js|manifest\.webmanifest|icons\/icon-\d+\.png)$/;

/**
 * Serves the built web UI (web/dist): hashed assets cached for good, index.html for every other
 * /app/ URL so the browser's router takes over, and / sends people to the UI.
 */
export function mountWebUi(app: Express, distDir: string) {
  const indexFile = path.join(distDir, 'index.html');
  app.get('/', (_req, res) => res.redirect(302, WEB_UI_BASE));
  // Express matches /app/ here too (non-strict routing): only the bare /app is sent on.
  app.get('/app', (req, res, next) => (req.path === '/app' ? res.redirect(302, WEB_UI_BASE) : next()));
  app.use(
    '/app/assets',
    labelRoute('/app/assets'),
    express.static(path.join(distDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }),
  );
  // The files at the root of the build that make the app installable and open offline: the service worker and its
  // Workbox runtime, the manifest, the icons. Revalidated on every visit (a browser checks the worker for a new build
  // each time); the assets the worker lists are hashed.
  app.get(PWA_FILES, labelRoute('/app/pwa'), (req, res, next) => {
    const file = path.join(distDir, req.path.slice(WEB_UI_BASE.length));
    if (!existsSync(file)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(file);
  });
  app.get('/app/{*rest}', (_req, res) => {
    if (!existsSync(indexFile)) {
      res.status(503).type('text/plain').send('The web UI is not built: run `npm run build:web` (npm start does it by itself).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
