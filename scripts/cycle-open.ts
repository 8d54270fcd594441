import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { openCycles } from '../domain/cycle/cycles.ts';
import { operatorDatabaseUrl } from '../infra/embedded-postgres.ts';
import { systemUser } from '../domain/auth/auth.ts';
import { loadConfig } from '../lib/config.ts';
import { halfYearOf, halfYearWindow } from '../lib/half-years.ts';
import { createPrisma } from '../lib/db.ts';
import { boundedDate, boundedHalfYear } from '../model/dates.ts';
import { cycleSnapshotQuery, workflowIdForCycle } from '../workflows/definitions.ts';

// `npm run cycle:open -- 2026-H1` (or a date: `-- 2026-03-15`, the half-year it falls in): opens a
// half-year's cycles now, or runs a past one (a backfill). Idempotent: districts whose cycle was opened
// before are left alone. Says which cycles this command started, and shows each district's progress.
const config = loadConfig();
const arg = process.argv[2] ?? '';
const cycle = boundedHalfYear.safeParse(arg).success
  ? arg
  : boundedDate.safeParse(arg).success
    ? halfYearOf(new Date(`${arg}T12:00:00Z`), config.districtTime.utcOffsetMinutes, config.cycles.deadlines)
    : undefined;
if (!cycle) {
  console.error('usage: npm run cycle:open -- <year>-H1|<year>-H2|<YYYY-MM-DD> (years 1900 to 2100)');
  process.exit(2);
}
const connection = await Connection.connect({ address: config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}` });
const prisma = createPrisma(operatorDatabaseUrl(config), { maxConnections: 1 });
try {
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const operator = systemUser('operator');
  const opened = await openCycles({ prisma, temporal, settings: config.cycles.settings }, operator, cycle);
  const districts = await prisma.orgUnit.findMany({ where: { kind: 'district' }, orderBy: { code: 'asc' } });
  console.log(`${cycle}: ${opened.started.length} district cycle(s) started by this command, ${opened.alreadyOpened.length} opened before`);
  // A past half-year (a backfill) settles within seconds; a current one stays open until its deadline.
  const past = halfYearWindow(cycle, config.districtTime.utcOffsetMinutes, config.cycles.deadlines).to.getTime() < Date.now();
  for (let round = 0; round < (past ? 30 : 1); round++) {
    const lines = await Promise.all(
      districts.map(async (d) => {
        const by = opened.started.includes(d.id) ? 'started now   ' : 'opened before ';
        try {
          const snapshot = await temporal.workflow.getHandle(workflowIdForCycle(cycle, d.id)).query(cycleSnapshotQuery);
          return {
            settled: snapshot.phase !== 'open',
            text: `  ${d.code.padEnd(12)} ${by}${snapshot.phase.padEnd(16)} ${snapshot.submittedUnitIds.length} submitted, ${snapshot.lateUnitIds.length} late`,
          };
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) return { settled: true, text: `  ${d.code.padEnd(12)} ${by}not running` };
          return { settled: false, text: `  ${d.code.padEnd(12)} ${by}starting...` };
        }
      }),
    );
    if (!past || lines.every((l) => l.settled) || round === 29) {
      console.log(lines.map((l) => l.text).join('\n'));
      break;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
} finally {
  await prisma.$disconnect();
  await connection.close();
}
