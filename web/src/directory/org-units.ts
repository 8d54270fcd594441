import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type OrgUnit } from '../api/client.ts';

export function useOrgUnits() {
  return useQuery({
    queryKey: ['org-units'],
    queryFn: async () => unwrap(await api.GET('/org-units')).items,
    staleTime: 5 * 60_000,
  });
}

/** Unit names come from the directory; the code is the fallback while it loads. */
export const unitName = (units: OrgUnit[] | undefined, id: string, fallback = id) => units?.find((u) => u.id === id)?.name ?? fallback;

/** The signed-in user's own unit, with what its kind does (undefined while the directory loads). */
export function useOwnUnit(orgUnitId: string | undefined) {
  const units = useOrgUnits();
  return { unit: units.data?.find((u) => u.id === orgUnitId), isPending: units.isPending };
}
