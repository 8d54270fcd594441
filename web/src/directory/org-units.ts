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
