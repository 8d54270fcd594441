import { routes } from '../api/app.ts';
import { ensureWebBuilt, WEB_DIST } from '../tools/web-build.ts';

// `npm run build:web`: the UI into web/dist, which the API serves under /app/ (skipped when nothing changed).
const { built } = await ensureWebBuilt(routes, (line) => console.log(`[build:web] ${line}`));
console.log(`[build:web] ${built ? 'built' : 'up to date'}: ${WEB_DIST}`);
