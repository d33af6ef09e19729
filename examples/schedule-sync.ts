// Sets up a monthly sync schedule against the platform simulator and prints the run history.
// Runs on its own: an embedded PostgreSQL in a temporary folder (or DATABASE_URL's server, in a
// database of its own), a small synthetic county, the simulator and one worker. The schedule is one
// township's (the largest whose report for last month passes the consistency rules: a township with
// an error-level violation would be blocked, as the pipeline should), so one small report goes out.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPlatformSimulator } from "@fupin/adapters";
import { chinaDateOf, formatReportPeriod, previousPeriod } from "@fupin/domain";
import {
  createLogger,
  createPool,
  createSqlExecutor,
  loadSyncSettings,
  migrate,
  openDatabase,
  parseReportRequest,
  prepareReport,
  saveSchedule,
  seedSyntheticCounty,
  startSyncWorker,
  tickQueueName,
} from "@fupin/gateway";

const dir = await mkdtemp(path.join(tmpdir(), "fupin-example-sync-"));
let url: string | undefined;
if (process.env.DATABASE_URL) {
  const admin = createPool(process.env.DATABASE_URL, 1);
  const name = `fupin_example_${randomBytes(4).toString("hex")}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(process.env.DATABASE_URL);
  u.pathname = `/${name}`;
  url = u.toString();
}
const db = await openDatabase(url ? { url } : { dataDir: path.join(dir, "pg") });
const simulator = await createPlatformSimulator({ tokens: { city: "example-city-token" } });
try {
  await migrate(db.orm);
  await seedSyntheticCounty(db.pool, db.orm, { households: 150 });
  const today = chinaDateOf(new Date());
  const period = formatReportPeriod(
    previousPeriod({ kind: "month", year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }),
  );
  const sql = createSqlExecutor(db.pool);
  const townships = (
    await db.pool.query<{ code: string }>(
      "select left(village_code, 9) as code from household group by 1 order by count(*) desc, 1",
    )
  ).rows;
  let township: { code: string } | undefined;
  for (const candidate of townships) {
    const report = await prepareReport(sql, candidate.code, parseReportRequest("city-projects", period));
    if (report.violations.every((v) => v.importance !== "error")) {
      township = candidate;
      break;
    }
  }
  if (!township)
    throw new Error(`no township's city-projects report for ${period} passes the consistency rules`);
  const settings = loadSyncSettings(
    {
      FUPIN_CITY_TOKEN: "example-city-token",
      FUPIN_SYNC_URL_CITY_PROJECTS: `${simulator.url}/city/batches`,
    },
    // Quick polls, and the worker picks up a new schedule's tick queue within a second.
    {
      pollingIntervalSeconds: 0.5,
      scheduleRefreshSeconds: 1,
      retryDelaySeconds: 1,
      dropDir: path.join(dir, "drop"),
    },
  );
  const worker = await startSyncWorker({
    url: db.url,
    pool: db.pool,
    orm: db.orm,
    settings,
    logger: createLogger("silent"),
  });
  const schedule = await saveSchedule(
    sql,
    worker,
    {
      profile: "city-projects",
      regionCode: township.code,
      cron: "0 9 1 * *",
      enabled: true,
      preparer: "张三",
      reviewer: "李四",
      updatedBy: "example",
    },
    new Date(),
  );
  console.log(`schedule: ${schedule.profile} ${schedule.regionCode} "${schedule.cron}" ${schedule.timezone}`);
  // The cron fires on the 1st at 09:00; here its tick is sent now, on the same pg-boss queue the cron uses.
  const tickAt = Date.now();
  await worker.boss.send(tickQueueName(schedule.profile, schedule.regionCode), {
    profile: schedule.profile,
    regionCode: schedule.regionCode,
  });
  let run: Record<string, unknown> | undefined;
  while (Date.now() - tickAt < 60_000) {
    const rows = await db.pool.query(
      "select id, status, queued_at, started_at, delivered_at from sync_run order by id",
    );
    run = rows.rows[0];
    if (run && ["delivered", "blocked", "failed", "dead"].includes(String(run.status))) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const receipts = simulator.stats().receipts;
  const history = await db.pool.query(
    `select id, profile, region_code, period, status, attempts, due_date, late, error,
            (select count(*) from sync_outbox o where o.run_id = sync_run.id and o.status = 'delivered') as delivered_batches
       from sync_run order by id`,
  );
  console.log("run history:");
  for (const r of history.rows)
    console.log(
      `  run ${r.id}: ${r.profile} ${r.region_code} ${r.period} ${r.status} attempts ${r.attempts} due ${r.due_date}` +
        ` batches delivered ${r.delivered_batches}${r.late ? " LATE" : ""}${r.error ? ` (${r.error})` : ""}`,
    );
  if (receipts.length > 0) {
    const last = Date.parse(receipts.at(-1)!.receivedAt);
    console.log(
      `receipts: ${receipts.map((r) => r.receiptId).join(", ")}; tick to last receipt ${last - tickAt} ms`,
    );
  }
  if (run?.started_at) {
    const ms = (d: unknown) => new Date(d as Date).getTime();
    console.log(
      `tick to run queued ${ms(run.queued_at) - tickAt} ms, queued to started ${ms(run.started_at) - ms(run.queued_at)} ms` +
        (run.delivered_at ? `, started to delivered ${ms(run.delivered_at) - ms(run.started_at)} ms` : ""),
    );
  }
  await worker.stop();
} finally {
  await simulator.close();
  await db.close();
  if (url && process.env.DATABASE_URL) {
    const admin = createPool(process.env.DATABASE_URL, 1);
    await admin.query(`drop database if exists ${new URL(url).pathname.slice(1)} with (force)`);
    await admin.end();
  }
  await rm(dir, { recursive: true, force: true });
}
