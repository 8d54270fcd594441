import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiFailure, api, apiHeaders, unwrap, type ApiError, type paths } from '../api/client.ts';

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
export type Branch = Answer<'/party/branches', 'get'>['items'][number];

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

/** The district's communities in use a clerk may register a member with (the API's first 100, by street and name). */
export function useCommunities() {
  return useQuery({
    queryKey: ['party', 'communities', 'active'],
    queryFn: async () => unwrap(await api.GET('/party/communities', { params: { query: { state: 'active', limit: 100 } } })).items,
    staleTime: 60_000,
  });
}

/** Party branches in use of a unit (the caller's own unit unless `unitId` names another): the ones a new member may join. */
export function useBranches(unitId: string | undefined) {
  return useQuery({
    queryKey: ['party', 'branches', unitId],
    queryFn: async () =>
      unwrap(await api.GET('/party/branches', { params: { query: { unit: unitId, state: 'active', limit: 100 } } })).items,
    enabled: unitId !== undefined,
    staleTime: 60_000,
  });
}

export type Round = Answer<'/party/rounds/{year}/{unitId}', 'get'>;
export type RoundStep = Round['allowedActions'][number];
export type Nomination = Round['nominations'][number];
export type NewNomination = Body<'/party/rounds/{year}/{unitId}/nominations', 'post'>;

/** Where each step of a round is posted (the API's routes, api/party/rounds.ts), by its action name. */
export const ROUND_STEP_PATHS = {
  nominate: '/party/rounds/{year}/{unitId}/nominations',
  shortlist: '/party/rounds/{year}/{unitId}/shortlist',
  decide: '/party/rounds/{year}/{unitId}/decision',
  submit: '/party/rounds/{year}/{unitId}/submission',
  approve: '/party/rounds/{year}/{unitId}/approve',
  return: '/party/rounds/{year}/{unitId}/return',
} as const satisfies Record<RoundStep, keyof paths>;

/** A street/park's round of the year; `null` while it has not been opened (the API's 404). */
export function useRound(year: number, unitId: string | undefined) {
  return useQuery({
    queryKey: ['party', 'round', year, unitId],
    enabled: unitId !== undefined,
    refetchInterval: PARTY_REFRESH_MS,
    queryFn: async () => {
      const answer = await api.GET('/party/rounds/{year}/{unitId}', { params: { path: { year, unitId: unitId ?? '' } } });
      return answer.response.status === 404 ? null : unwrap(answer);
    },
  });
}

/** Takes a step of a round by its action name; the API answers the round as it is now, or refuses with its reason. */
export async function takeRoundStep(year: number, unitId: string, step: RoundStep, body: object): Promise<Round> {
  const path = ROUND_STEP_PATHS[step].replace('{year}', String(year)).replace('{unitId}', encodeURIComponent(unitId));
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...apiHeaders() },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  if (!response.ok) throw new ApiFailure(response.status, (json as { error?: ApiError }).error);
  return json as Round;
}

/** Branches with members registered with the caller's street/park now: the ones it may nominate. */
export function useBranchesRegisteredHere() {
  return useQuery({
    queryKey: ['party', 'branches', 'registeredHere'],
    queryFn: async () => unwrap(await api.GET('/party/branches', { params: { query: { registeredHere: 'true', limit: 100 } } })).items,
    staleTime: 60_000,
  });
}

export type RecordPage = Answer<'/party/records', 'get'>;
export type ServiceRecord = RecordPage['items'][number];
export type RecordsQuery = NonNullable<paths['/party/records']['get']['parameters']['query']>;
export type NewRecord = Body<'/party/records', 'post'>;

/** A page of service records as the API narrows them, kept on screen while the next page loads. */
export function useRecords(query: RecordsQuery) {
  return useQuery({
    queryKey: ['party', 'records', query],
    queryFn: async () => unwrap(await api.GET('/party/records', { params: { query } })),
    refetchInterval: PARTY_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

export type Funding = Answer<'/cases/{id}/funds', 'get'>;
export type NewFunding = Body<'/cases/{id}/funds', 'post'>;
