import type { Client } from '@temporalio/client';
import type { Clock } from '../../lib/clock.ts';
import type { Config } from '../../lib/config.ts';
import type { Db } from '../../lib/db.ts';
import { DomainError, invalidField, notAfterToday } from '../../lib/errors.ts';
import { districtToday } from '../../lib/district-time.ts';
import type { BlobStorage } from '../../lib/storage.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { keepsCommunities } from '../../model/directory/unit-kinds.ts';

export type PartyDeps = { prisma: Db; temporal: Client; clock: Clock; storage: BlobStorage; settings: Config['party'] };

/** A date of something that already happened: today in the district at the latest. */
export function assertNotFuture(deps: Pick<PartyDeps, 'clock' | 'settings'>, date: string, path: string) {
  const today = districtToday(deps.clock, deps.settings.feedback.utcOffsetMinutes);
  if (date > today) throw invalidField(path, notAfterToday(today), { today });
}

/** The caller's own street office or park; other units keep no communities. */
export async function callerStreetOrPark(prisma: Db, user: AuthenticatedUser) {
  const unit = await prisma.orgUnit.findUnique({ where: { id: user.orgUnitId } });
  if (user.role !== 'street_staff' || !unit || !keepsCommunities(unit.kind))
    throw new DomainError('forbidden', { zh: '只有街道或园区的工作人员可以办理', en: 'only the staff of a street office or park do this' });
  return unit;
}

/** Ids of the units under a district (and the district itself). */
export async function unitsOfDistrict(prisma: Db, districtId: string): Promise<string[]> {
  const units = await prisma.orgUnit.findMany({ where: { parentId: districtId }, select: { id: true } });
  return [districtId, ...units.map((u) => u.id)];
}

/**
 * The units whose party data the caller may read: their own unit (street staff), every unit of their
 * district (district officers), everything (admins: `undefined`), nothing otherwise.
 */
export async function readableUnitIds(prisma: Db, user: AuthenticatedUser): Promise<string[] | undefined> {
  switch (user.role) {
    case 'admin':
      return undefined;
    case 'street_staff':
      return [user.orgUnitId];
    case 'district_officer':
      return unitsOfDistrict(prisma, user.orgUnitId);
    case 'municipal_liaison':
      throw new DomainError('forbidden', { zh: '党员信息由区及区属单位管理', en: 'party members are kept by the district and its units' });
  }
}

export const actorOf = (user: AuthenticatedUser) => ({ userId: user.id, role: user.role, orgUnitId: user.orgUnitId });
