import type { Case, OrgUnit } from '../../generated/prisma/client.ts';
import type { Db } from '../../lib/db.ts';
import { CASE_EVENT_WORDS } from '../../model/cases/glossary.ts';
import { labelOf } from '../../model/glossary.ts';
import type { CaseEventType } from '../../model/cases/lifecycle.ts';
import { categoryOf, open311Status, serviceCode, serviceName, type Language } from '../../model/open311/services.ts';
import { coordinatesOf } from '../cases/case-view.ts';

/** A ledger row with the units that may hold it: the filing unit, its district and the city. */
export type RequestRow = Case & { filingUnit: OrgUnit & { parent: (OrgUnit & { parent: OrgUnit | null }) | null } };
export const REQUEST_ROW_INCLUDE = { filingUnit: { include: { parent: { include: { parent: true } } } } } as const;

/** Reminders along the way are not news to the requester: the status notes name the last step taken. */
const NOT_A_STATUS_NOTE: readonly CaseEventType[] = ['deadline_reminder_50', 'deadline_reminder_75'];

/** The last event of each case that says where it stands, in one query. */
export async function lastSteps(prisma: Db, caseIds: readonly string[]): Promise<Map<string, CaseEventType>> {
  if (caseIds.length === 0) return new Map();
  const rows = await prisma.$queryRaw<Array<{ case_id: string; type: CaseEventType }>>`
    SELECT DISTINCT ON (case_id) case_id, type FROM case_events
    WHERE case_id = ANY(${[...caseIds]}::uuid[]) AND type <> ALL(${[...NOT_A_STATUS_NOTE]}::text[])
    ORDER BY case_id, sequence DESC`;
  return new Map(rows.map((r) => [r.case_id, r.type]));
}

/**
 * A case as a GeoReport v2 service request: only the spec's fields, none of them personal (the
 * reporter's name and contact never leave the ledger this way). `withLedgerFields` adds the ledger's
 * number and title, for a reader whose api_key's unit may see the case.
 */
export function toOpen311Request(row: RequestRow, lastStep: CaseEventType | undefined, lang: Language, withLedgerFields: boolean) {
  const service = { kind: row.kind, category: categoryOf(row.category) };
  const district = row.filingUnit.parent;
  const holder = { street: row.filingUnit, district, municipal: district?.parent ?? null }[row.responsibleLevel];
  const point = coordinatesOf(row);
  return {
    service_request_id: row.id,
    status: open311Status(row.status),
    status_notes: labelOf(CASE_EVENT_WORDS[lastStep ?? 'filed'], lang),
    service_name: serviceName(service, lang),
    service_code: serviceCode(service),
    description: row.description,
    agency_responsible: holder?.name ?? row.filingUnit.name,
    service_notice: null,
    requested_datetime: row.filedAt.toISOString(),
    updated_datetime: row.updatedAt.toISOString(),
    expected_datetime: row.dueAt?.toISOString() ?? null,
    address: row.location,
    address_id: null,
    zipcode: null,
    lat: point?.latitude ?? null,
    long: point?.longitude ?? null,
    media_url: null,
    ...(withLedgerFields ? { ledger_number: row.number, title: row.title } : {}),
  };
}

export type Open311Request = ReturnType<typeof toOpen311Request>;
