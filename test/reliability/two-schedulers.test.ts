import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { type SpawnedServer, spawnServer } from "../support/spawn-server.js";
import { channelId, sessionStartFor, writeProgramme } from "./support/programme-builder.js";
import { adminQuery, postgresOrSkip, type ServerDatabase, serverDatabase } from "./support/server-database.js";
import { countDeliveries, slackServerEnv, waitUntil } from "./support/slack-server.js";

/**
 * Promise: two server processes on one PostgreSQL database, both running the scheduler every second,
 * deliver each of 200 reminders exactly once between them (the outbox's claims, not luck, decide who
 * sends what). Needs TEST_DATABASE_URL (see support/server-database.ts).
 */
const TEAMS = 200;
const pg = postgresOrSkip();

describe.skipIf(pg.skip)("concurrency: two server processes running the scheduler on one PostgreSQL", () => {
  let fake: FakeSlackApi;
  let db: ServerDatabase;
  const servers: SpawnedServer[] = [];

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    db = await serverDatabase({ requirePostgres: true });
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await fake?.close();
    await db?.drop();
  });

  it("sends each reminder once", async () => {
    fake.setDelay("chat.postMessage", 5);
    // Due once both processes are up, so they contend for the same batch.
    const dueAt = Date.now() + 20_000;
    const programme = writeProgramme({ teams: TEAMS, sessions: [sessionStartFor(20_000)] });
    const env = slackServerEnv({ fake, databaseUrl: db.url, programme });
    servers.push(await spawnServer(env, { timeoutMs: 60_000 }));
    servers.push(await spawnServer(env, { timeoutMs: 60_000 }));
    expect(Date.now()).toBeLessThan(dueAt);

    const expected = Array.from({ length: TEAMS }, (_, i) => channelId(i + 1));
    await waitUntil(
      () => countDeliveries(fake, expected).lost === 0,
      90_000,
      () => `${countDeliveries(fake, expected).delivered}/${TEAMS}`,
    );
    await new Promise((r) => setTimeout(r, 3_000));
    const { lost, duplicates } = countDeliveries(fake, expected);
    const bySender = await adminQuery<{ workers: string }>(
      db.url,
      `SELECT count(DISTINCT "claimedBy")::text AS workers FROM "Delivery" WHERE "status" = 'sent'`,
    );
    const workers = Number(bySender[0]?.workers ?? 0);
    console.log(
      `[reliability] two schedulers: reminders=${TEAMS}, processes=2, sending workers=${workers}, lost=${lost}, duplicates=${duplicates}`,
    );
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
  });
});
