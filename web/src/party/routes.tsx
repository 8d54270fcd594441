import type { Feature } from '../feature.ts';

/** Section Four of the notice: communities, members, service records, feedback, the 15 % round. */
export const partyFeature: Feature = { routes: [], menu: [] };
