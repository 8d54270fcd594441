import { isUniqueViolation } from '../../lib/db.ts';
import { yearDates } from '../../model/party/rules.ts';
import { TABLE_CONTENT_TYPES } from '../../lib/tabular-writers.ts';
import {
  compileFeedback,
  feedbackHtml,
  feedbackStorageKey,
  feedbackXlsx,
  registeredDuringYear,
} from '../../domain/party/feedback-document.ts';
import type { MemberFeedbackInput } from '../../model/party/feedback.ts';
import type { ActivityDeps } from '../deps.ts';
import { downloadFileName } from '../../model/exports/download-names.ts';
import { sendOnce } from '../mail-once.ts';

export const partyAddress = (unit: { partyEmail: string | null; email: string | null }) => unit.partyEmail ?? unit.email;

export function createFeedbackActivities({ prisma, mailer, clock, storage }: ActivityDeps) {
  return {
    async openFeedbackYear(input: MemberFeedbackInput & { workflowId: string }) {
      const dates = { opensAt: new Date(input.opensAt), deliverAt: new Date(input.deliverAt), deadlineAt: new Date(input.deadlineAt) };
      await prisma.feedbackYear.upsert({
        where: { year: input.year },
        create: { year: input.year, workflowId: input.workflowId, ...dates },
        update: {},
      });
    },

    /** One mail a day at most to each street/park that still has unconfirmed records of the year. */
    async chaseUnconfirmedRecords(input: { year: number; on: string; deliverAt: string }) {
      const { from, to } = yearDates(input.year);
      const open = await prisma.serviceRecord.groupBy({
        by: ['unitId'],
        where: { confirmed: false, servedOn: { gte: from, lte: to } },
        _count: true,
      });
      const units = await prisma.orgUnit.findMany({
        where: { id: { in: open.map((o) => o.unitId) } },
        include: { communities: { select: { email: true } } },
      });
      for (const unit of units) {
        const count = open.find((o) => o.unitId === unit.id)?._count ?? 0;
        await sendOnce({ prisma, mailer, clock }, `member-feedback-${input.year}:chase:${input.on}:${unit.id}`, {
          to: [unit.email, ...unit.communities.map((c) => c.email)].filter((e): e is string => Boolean(e)),
          subject: `Party members' records ${input.year}: ${count} record(s) to confirm before the year-end feedback`,
          text: `${unit.name} has ${count} service record(s) of ${input.year} entered by members' home units and not yet confirmed. Records unconfirmed at ${input.deliverAt} are left out of the feedback to the home units.`,
        });
      }
      return { unitIds: units.map((u) => u.id) };
    },

    async feedbackHomeUnits(input: { year: number }) {
      const members = await prisma.partyMember.findMany({
        where: { registrations: { some: registeredDuringYear(input.year) } },
        distinct: ['homeUnitId'],
        select: { homeUnitId: true },
        orderBy: { homeUnitId: 'asc' },
      });
      return members.map((m) => m.homeUnitId);
    },

    /** Compiles, stores and mails one home unit's feedback, once; then marks its records fed back. */
    async deliverMemberFeedback(input: { year: number; homeUnitId: string; at: string; late: boolean }) {
      const { year, homeUnitId } = input;
      if (await prisma.memberFeedback.findUnique({ where: { year_homeUnitId: { year, homeUnitId } } })) return { sent: false };
      const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { id: homeUnitId } });
      const doc = await compileFeedback(prisma, year, homeUnitId);
      const xlsx = await feedbackXlsx(doc);
      await storage.put(feedbackStorageKey(year, homeUnitId, 'xlsx'), xlsx);
      await storage.put(feedbackStorageKey(year, homeUnitId, 'html'), Buffer.from(feedbackHtml(doc)));
      const recordIds = doc.members.flatMap((m) => m.records.map((r) => r.recordId));
      const address = partyAddress(unit);
      const { sent } = await sendOnce({ prisma, mailer, clock }, `member-feedback-${year}:${homeUnitId}`, {
        to: address ? [address] : [],
        subject: `${year} 党员“双报到”表现反馈 / Party members' year-end feedback ${year}: ${unit.name}`,
        text: `The service records of ${doc.members.length} member(s) of ${unit.name} in the communities where they live, ${recordIds.length} record(s) in all, are attached.`,
        attachments: [
          { filename: downloadFileName('memberFeedback', 'zh', year, 'xlsx'), contentType: TABLE_CONTENT_TYPES.xlsx, content: xlsx },
        ],
      });
      try {
        await prisma.$transaction([
          prisma.memberFeedback.create({
            data: {
              year,
              homeUnitId,
              recipients: address ? [address] : [],
              memberCount: doc.members.length,
              recordCount: recordIds.length,
              storageKey: feedbackStorageKey(year, homeUnitId, 'xlsx'),
              deliveredAt: new Date(input.at),
              late: input.late,
            },
          }),
          // The records' `feedBack` transition (model/party/record-lifecycle.ts): confirmed -> fed_back.
          prisma.serviceRecord.updateMany({ where: { id: { in: recordIds }, fedBackAt: null }, data: { fedBackAt: new Date(input.at) } }),
        ]);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      return { sent };
    },

    async closeFeedbackYear(input: { year: number }) {
      await prisma.feedbackYear.update({ where: { year: input.year }, data: { delivered: true } });
    },
  };
}
