import { routes } from '../../../api/app.ts';
import { ensureWebBuilt } from '../../../tools/web-build.ts';

/** Global setup of the browser suites: the UI the API serves is built from the current sources. */
export default async function buildUi() {
  await ensureWebBuilt(routes, (line) => console.log(`[browser setup] ${line}`));
}
