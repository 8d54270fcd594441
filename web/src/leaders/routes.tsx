import type { Feature } from '../feature.ts';

/** Section Two of the notice: leaders' four leads, their activities, claimed projects, Appendix 1 and 2. */
export const leadersFeature: Feature = { routes: [], menu: [] };
