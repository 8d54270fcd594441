import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../api/client.ts';

type Answer<P extends keyof paths, M extends 'get' | 'post' | 'patch', S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type Body<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type MemberPage = Answer<'/party/members', 'get'>;
export type Member = MemberPage['items'][number];
export type MembersQuery = NonNullable<paths['/party/members']['get']['parameters']['query']>;
export type NewMember = Body<'/party/members', 'post'>;
export type MemberMove = Body<'/party/members/{id}/move', 'post'>;
export type Community = Answer<'/party/communities', 'get'>['items'][number];

/** Lists refresh this often, so a registration accepted elsewhere shows soon (a 304 when nothing changed). */
export const PARTY_REFRESH_MS = 5_000;
/** Rows a paged party list shows at once (the API answers at most 100). */
export const PAGE_SIZE = 20;

/** A page of members as the API narrows it, kept on screen while the next page loads. */
export function useMembers(query: MembersQuery) {
  return useQuery({
    queryKey: ['party', 'members', query],
    queryFn: async () => unwrap(await api.GET('/party/members', { params: { query } })),
    refetchInterval: PARTY_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** The district's communities a clerk may register a member with (the API's first 100, by street and name). */
export function useCommunities() {
  return useQuery({
    queryKey: ['party', 'communities'],
    queryFn: async () => unwrap(await api.GET('/party/communities', { params: { query: { limit: 100 } } })).items,
    staleTime: 60_000,
  });
}

/** Party branches of a unit (the caller's own unit unless `unitId` names another). */
export function useBranches(unitId: string | undefined) {
  return useQuery({
    queryKey: ['party', 'branches', unitId],
    queryFn: async () => unwrap(await api.GET('/party/branches', { params: { query: { unit: unitId, limit: 100 } } })).items,
    enabled: unitId !== undefined,
    staleTime: 60_000,
  });
}
