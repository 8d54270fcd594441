import { routes } from '../api/app.ts';
import { generateApiClient } from '../tools/web-build.ts';

// Run by postinstall and `npm run typecheck`, so `tsc -p web` always checks the UI against the API of this checkout.
await generateApiClient(routes);
