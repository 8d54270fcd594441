import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db.ts';
import type { CaseKind } from '../../model/cases/filing.ts';
import type { CaseEventType, CaseStatus } from '../../model/cases/lifecycle.ts';
import type { ActivityKind } from '../../model/leaders/four-leads.ts';
import { DELIVERY_LIFECYCLE } from '../../model/webhooks/delivery.ts';
import { CASE_EVENT_KIND, NOTIFIED_CASE_EVENTS, type NotifiedCaseEvent, type WebhookEvent } from '../../model/webhooks/events.ts';

/**
 * The webhook feed reads three ledger tables that the workflows' projections write: case events,
 * the cycle's reminders and chases, and leader activities awaiting confirmation. Each row carries the
 * id of the transaction that wrote it (`tx_id`); the feed reads a source in (tx_id, id) order and only
 * below the oldest transaction still running, so a row that commits after a later one was read is
 * still read (no gaps), and its cursor only moves forward. A case's events are projected one after
 * another, so they come in their order.
 */
export const FEED_SOURCES = ['case_events', 'cycle_notices', 'leader_activities'] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

type Cursor = { txId: string; rowId: string };
/** Below every real row id: a cursor (horizon, ZERO) takes every row of transactions from the horizon on. */
const ZERO_ID = '00000000-0000-0000-0000-000000000000';

/** An event for the feed: what is sent, whom it concerns (units whose webhooks may hear of it), in which order. */
export type FeedEvent = { event: WebhookEvent; subject: string; position: number; audience: string[] };
/** What a reader found: the events, how many rows it read (some may not be events), and the last row's place. */
type Read = { events: FeedEvent[]; rows: number; last?: Cursor };

type UnitRef = { id: string; code: string; name: string };
const unit = (id: string, code: string, name: string): UnitRef => ({ id, code, name });

/** The oldest transaction still running: every transaction below it has ended, so no row below it can appear. */
async function horizon(prisma: Db): Promise<string> {
  const [row] = await prisma.$queryRaw<Array<{ h: string }>>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS h`;
  return row!.h;
}

type CaseEventRow = {
  id: string;
  tx_id: string;
  type: NotifiedCaseEvent;
  sequence: number;
  occurred_at: Date;
  to_status: CaseStatus;
  case_id: string;
  number: number;
  title: string;
  kind: CaseKind;
  urgent: boolean;
  due_at: Date | null;
  at_this_event: boolean;
  forwarded_to_municipal: boolean;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  district_id: string | null;
  municipality_id: string | null;
};

async function readCaseEvents(prisma: Db, from: Cursor, below: string, limit: number): Promise<Read> {
  const rows = await prisma.$queryRaw<CaseEventRow[]>`
    SELECT e.id, e.tx_id::text AS tx_id, e.type, e.sequence, e.occurred_at, e.to_status, c.id AS case_id, c.number, c.title,
      c.kind, c.urgent, c.due_at, c.event_sequence = e.sequence AS at_this_event, c.forwarded_to_municipal,
      u.id AS unit_id, u.code AS unit_code, u.name AS unit_name, u.parent_id AS district_id, d.parent_id AS municipality_id
    FROM case_events e
    JOIN cases c ON c.id = e.case_id
    JOIN org_units u ON u.id = c.filing_unit_id
    LEFT JOIN org_units d ON d.id = u.parent_id
    WHERE e.tx_id IS NOT NULL AND (e.tx_id, e.id) > (${from.txId}::xid8, ${from.rowId}::uuid) AND e.tx_id < ${below}::xid8
      AND e.type = ANY(${NOTIFIED_CASE_EVENTS}::text[])
    ORDER BY e.tx_id, e.id
    LIMIT ${limit}`;
  const events = rows.map((r): FeedEvent => ({
    subject: `case:${r.case_id}`,
    position: r.sequence,
    // The filing unit and its district; the city once the case went there.
    audience: [r.unit_id, r.district_id, r.forwarded_to_municipal ? r.municipality_id : null].filter((id): id is string => id !== null),
    event: {
      id: r.id,
      type: CASE_EVENT_KIND[r.type],
      occurredAt: r.occurred_at.toISOString(),
      case: {
        id: r.case_id,
        number: r.number,
        title: r.title,
        kind: r.kind,
        urgent: r.urgent,
        step: r.type as CaseEventType,
        status: r.to_status,
        // The row's deadline is this event's only while no later event has moved the case.
        dueAt: r.at_this_event ? (r.due_at?.toISOString() ?? null) : null,
        filingUnit: unit(r.unit_id, r.unit_code, r.unit_name),
      },
    },
  }));
  const last = rows.at(-1);
  return { events, rows: rows.length, last: last && { txId: last.tx_id, rowId: last.id } };
}

type CycleNoticeRow = {
  id: string;
  tx_id: string;
  cycle: string;
  kind: string;
  working_days_left: number | null;
  days_late: number | null;
  deadline_at: Date;
  sent_at: Date;
  unit_ids: string[];
  district_id: string;
  district_code: string;
  district_name: string;
  owing: UnitRef[];
};

async function readCycleNotices(prisma: Db, from: Cursor, below: string, limit: number): Promise<Read> {
  const rows = await prisma.$queryRaw<CycleNoticeRow[]>`
    SELECT n.id, n.tx_id::text AS tx_id, n.cycle, n.kind, n.working_days_left, n.days_late, n.deadline_at, n.sent_at, n.unit_ids,
      d.id AS district_id, d.code AS district_code, d.name AS district_name,
      coalesce((SELECT json_agg(json_build_object('id', u.id, 'code', u.code, 'name', u.name) ORDER BY u.code)
        FROM org_units u WHERE u.id = ANY(n.unit_ids)), '[]'::json) AS owing
    FROM cycle_notices n
    JOIN org_units d ON d.id = n.district_id
    WHERE n.tx_id IS NOT NULL AND (n.tx_id, n.id) > (${from.txId}::xid8, ${from.rowId}::uuid) AND n.tx_id < ${below}::xid8
    ORDER BY n.tx_id, n.id
    LIMIT ${limit}`;
  const events = rows.map((r): FeedEvent => ({
    subject: `cycle:${r.cycle}:${r.district_id}`,
    position: 0,
    audience: [r.district_id, ...r.unit_ids],
    event: {
      id: r.id,
      type: 'cycle_deadline',
      occurredAt: r.sent_at.toISOString(),
      cycle: {
        cycle: r.cycle,
        district: unit(r.district_id, r.district_code, r.district_name),
        deadlineAt: r.deadline_at.toISOString(),
        workingDaysLeft: r.working_days_left,
        daysLate: r.days_late,
        owing: r.owing,
      },
    },
  }));
  const last = rows.at(-1);
  return { events, rows: rows.length, last: last && { txId: last.tx_id, rowId: last.id } };
}

type ActivityRow = {
  id: string;
  tx_id: string;
  kind: ActivityKind;
  occurred_on: Date;
  recorded_at: Date;
  still_pending: boolean;
  leader_id: string;
  leader_name: string;
  leader_unit_id: string;
  leader_unit_code: string;
  leader_unit_name: string;
  place_id: string;
  place_code: string;
  place_name: string;
  place_district_id: string | null;
};

async function readPendingActivities(prisma: Db, from: Cursor, below: string, limit: number): Promise<Read> {
  const rows = await prisma.$queryRaw<ActivityRow[]>`
    SELECT a.id, a.tx_id::text AS tx_id, a.kind, a.occurred_on, a.recorded_at, a.review = 'pending' AS still_pending,
      l.id AS leader_id, l.name AS leader_name, lu.id AS leader_unit_id, lu.code AS leader_unit_code, lu.name AS leader_unit_name,
      p.id AS place_id, p.code AS place_code, p.name AS place_name, p.parent_id AS place_district_id
    FROM leader_activities a
    JOIN leaders l ON l.id = a.leader_id
    JOIN org_units lu ON lu.id = l.unit_id
    JOIN org_units p ON p.id = a.place_unit_id
    WHERE a.tx_id IS NOT NULL AND (a.tx_id, a.id) > (${from.txId}::xid8, ${from.rowId}::uuid) AND a.tx_id < ${below}::xid8
    ORDER BY a.tx_id, a.id
    LIMIT ${limit}`;
  // One already confirmed (or rejected) by the time the feed reads it waits for nobody: the cursor passes it.
  const events = rows
    .filter((r) => r.still_pending)
    .map((r): FeedEvent => ({
      subject: `activity:${r.id}`,
      position: 0,
      audience: [r.place_id, r.place_district_id].filter((id): id is string => id !== null),
      event: {
        id: r.id,
        type: 'confirmation_waiting',
        occurredAt: r.recorded_at.toISOString(),
        confirmation: {
          activityId: r.id,
          activityKind: r.kind,
          occurredOn: r.occurred_on.toISOString().slice(0, 10),
          leader: { id: r.leader_id, name: r.leader_name, unit: unit(r.leader_unit_id, r.leader_unit_code, r.leader_unit_name) },
          confirmingUnit: unit(r.place_id, r.place_code, r.place_name),
        },
      },
    }));
  const last = rows.at(-1);
  return { events, rows: rows.length, last: last && { txId: last.tx_id, rowId: last.id } };
}

const READERS: Record<FeedSource, (prisma: Db, from: Cursor, below: string, limit: number) => Promise<Read>> = {
  case_events: readCaseEvents,
  cycle_notices: readCycleNotices,
  leader_activities: readPendingActivities,
};

/**
 * Starts the feed at the present (idempotently): events from now on are delivered, none from before.
 * Called when a webhook is registered, so its first events are never missed.
 */
export async function startFeedCursors(prisma: Db): Promise<void> {
  const from = await horizon(prisma);
  for (const source of FEED_SOURCES) {
    await prisma.webhookFeedCursor.createMany({ data: [{ source, txId: from, rowId: ZERO_ID }], skipDuplicates: true });
  }
}

/** A delivery to send: the workflow of its webhook and subject sends it after the ones before it. */
export type RecordedDelivery = { deliveryId: string; webhookId: string; subject: string };

/**
 * One pass of the feed over every source: new events become deliveries of the active webhooks that
 * subscribe to their kind and belong to a unit they concern; the returned deliveries (those still
 * pending) are for the caller to hand to their workflows *before* `advance` moves the cursors, so a
 * crash in between reads the same rows again and records nothing twice.
 */
export async function readFeed(prisma: Db, limit: number, now: Date) {
  const cursors = new Map((await prisma.webhookFeedCursor.findMany()).map((c) => [c.source, c]));
  if (cursors.size < FEED_SOURCES.length) await startFeedCursors(prisma);
  const below = await horizon(prisma);
  const webhooks = await prisma.webhook.findMany({ where: { state: 'active' }, select: { id: true, orgUnitId: true, events: true } });
  const deliveries: RecordedDelivery[] = [];
  const moves: Array<{ source: FeedSource; to: Cursor }> = [];
  let more = false;
  for (const source of FEED_SOURCES) {
    const cursor = cursors.get(source);
    if (!cursor) continue;
    const read = await READERS[source](prisma, cursor, below, limit);
    const full = read.rows === limit && read.last !== undefined;
    more ||= full;
    // Short of the limit, every row below the horizon has been seen: the cursor jumps to it.
    moves.push({ source, to: full ? read.last! : { txId: below, rowId: ZERO_ID } });
    deliveries.push(...(await recordDeliveries(prisma, read.events, webhooks, now)));
  }
  return { deliveries, more, advance: () => advanceCursors(prisma, moves) };
}

async function advanceCursors(prisma: Db, moves: Array<{ source: FeedSource; to: Cursor }>) {
  for (const { source, to } of moves) {
    // Only forward: a slower pass never moves a cursor back.
    await prisma.$executeRaw`
      UPDATE webhook_feed_cursors SET tx_id = ${to.txId}, row_id = ${to.rowId}::uuid
      WHERE source = ${source} AND (tx_id::xid8, row_id) < (${to.txId}::xid8, ${to.rowId}::uuid)`;
  }
}

async function recordDeliveries(
  prisma: Db,
  events: FeedEvent[],
  webhooks: Array<{ id: string; orgUnitId: string; events: string[] }>,
  now: Date,
): Promise<RecordedDelivery[]> {
  const rows = events.flatMap((fed) =>
    webhooks
      .filter((w) => w.events.includes(fed.event.type) && fed.audience.includes(w.orgUnitId))
      .map((w) => ({
        id: randomUUID(),
        webhookId: w.id,
        eventId: fed.event.id,
        eventType: fed.event.type,
        subject: fed.subject,
        position: fed.position,
        event: fed.event,
        occurredAt: new Date(fed.event.occurredAt),
        state: DELIVERY_LIFECYCLE.targetOf('record', null),
        createdAt: now,
      })),
  );
  if (rows.length === 0) return [];
  // Read again after a crash, an event is already recorded: the unique (webhook, event) keeps the first.
  await prisma.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
  const recorded = await prisma.webhookDelivery.findMany({
    where: { OR: rows.map((r) => ({ webhookId: r.webhookId, eventId: r.eventId })), state: 'pending' },
    select: { id: true, webhookId: true, subject: true, eventId: true },
  });
  const order = new Map(rows.map((r, i) => [`${r.webhookId} ${r.eventId}`, i]));
  return recorded
    .sort((a, b) => order.get(`${a.webhookId} ${a.eventId}`)! - order.get(`${b.webhookId} ${b.eventId}`)!)
    .map((r) => ({ deliveryId: r.id, webhookId: r.webhookId, subject: r.subject }));
}
