import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { PARTY_REFRESH_MS, type Branch, type Community } from './party-api.ts';

/** Communities (of a street/park) and party branches (of a unit): one screen manages both the same way. */
export type OrganizationKind = 'community' | 'branch';
export type Organization = Community | Branch;
export type OrganizationsQuery = { unit?: string; q?: string; state?: Organization['state']; limit: number; offset: number };
export type OrganizationChange = { name: string; email?: string };
export type NewOrganization = OrganizationChange & { unitId?: string };

const queryKey = (kind: OrganizationKind) => ['party', kind === 'community' ? 'communities' : 'branches'];

/** A page of communities or branches as the API narrows them, kept on screen while the next page loads. */
export function useOrganizations(kind: OrganizationKind, query: OrganizationsQuery) {
  return useQuery({
    queryKey: [...queryKey(kind), 'page', query],
    queryFn: async () =>
      kind === 'community'
        ? unwrap(await api.GET('/party/communities', { params: { query } }))
        : unwrap(await api.GET('/party/branches', { params: { query } })),
    refetchInterval: PARTY_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
}

/** Adds one to the caller's unit (an administrator names the unit) under its Idempotency-Key; an empty e-mail is left out. */
export async function addOrganization(kind: OrganizationKind, { name, email, unitId }: NewOrganization, idempotencyKey: string) {
  const params = { header: { 'idempotency-key': idempotencyKey } };
  if (kind === 'community')
    unwrap(await api.POST('/party/communities', { params, body: { name, unitId, email: email?.trim() || undefined } }));
  else unwrap(await api.POST('/party/branches', { params, body: { name, unitId } }));
}

/** Renames one (a community: and sets its e-mail; emptied, the address goes). */
export async function editOrganization(kind: OrganizationKind, id: string, { name, email }: OrganizationChange) {
  const params = { path: { id } };
  if (kind === 'community')
    unwrap(await api.PATCH('/party/communities/{id}', { params, body: { name, email: email?.trim() ? email.trim() : null } }));
  else unwrap(await api.PATCH('/party/branches/{id}', { params, body: { name } }));
}

export async function retireOrganization(kind: OrganizationKind, id: string) {
  const params = { path: { id } };
  if (kind === 'community') unwrap(await api.POST('/party/communities/{id}/retire', { params }));
  else unwrap(await api.POST('/party/branches/{id}/retire', { params }));
}

export const organizationsQueryKey = queryKey;
