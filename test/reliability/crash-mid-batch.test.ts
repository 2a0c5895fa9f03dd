import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { type SpawnedServer, spawnServer } from "../support/spawn-server.js";
import { channelId, sessionStartFor, writeProgramme } from "./support/programme-builder.js";
import { type ServerDatabase, serverDatabase } from "./support/server-database.js";
import { countDeliveries, slackServerEnv, waitUntil } from "./support/slack-server.js";

/**
 * Promise: a crash (kill -9) of the server while a batch of 200 reminders is going out loses no
 * reminder and sends none twice: after a restart every one is delivered exactly once, counted at the
 * fake Slack Web API. The message Slack was processing at the instant of the crash is the hard case:
 * Slack accepted it but the outbox never heard back. Outbox posts carry their delivery key as message
 * metadata, and a retry first looks for it in the channel's history (src/platforms/slack/find-earlier-post.ts).
 */
const TEAMS = 200;
const KILL_AT = 90;

describe("crash: kill -9 while 200 reminders are being delivered", () => {
  let fake: FakeSlackApi;
  let db: ServerDatabase;
  let server: SpawnedServer | undefined;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    db = await serverDatabase();
  });
  afterAll(async () => {
    await server?.kill9();
    await fake?.close();
    await db?.drop();
  });

  it("delivers every reminder after a restart", async () => {
    // Slack takes 15 ms per post, so the batch is mid-flight for a few seconds.
    fake.setDelay("chat.postMessage", 15);
    const programme = writeProgramme({ teams: TEAMS, sessions: [sessionStartFor(-60_000)] });
    const env = slackServerEnv({ fake, databaseUrl: db.url, programme });

    let killed = false;
    let first: SpawnedServer | undefined;
    fake.onArrival((method, n) => {
      if (method !== "chat.postMessage" || n !== KILL_AT) return;
      killed = true;
      first?.process.kill("SIGKILL");
    });
    first = await spawnServer(env, { timeoutMs: 90_000 });
    if (killed) first.process.kill("SIGKILL"); // the hook fired before spawnServer returned
    server = first;
    await waitUntil(
      () => first.process.exitCode !== null || first.process.signalCode !== null,
      60_000,
      () => `server not killed; ${fake.callsTo("chat.postMessage").length} posts`,
    );
    fake.onArrival(undefined);
    // Let the request Slack was holding at the crash finish, so it is counted.
    await new Promise((r) => setTimeout(r, 200));
    const beforeRestart = countDeliveries(fake, []).delivered;
    expect(beforeRestart).toBeGreaterThan(KILL_AT - 30);
    expect(beforeRestart).toBeLessThan(TEAMS);

    server = await spawnServer(env, { timeoutMs: 90_000 });
    const expected = Array.from({ length: TEAMS }, (_, i) => channelId(i + 1));
    // The rows claimed at the crash come back when their 15 s lease runs out.
    await waitUntil(
      () => countDeliveries(fake, expected).lost === 0,
      90_000,
      () => `${countDeliveries(fake, expected).delivered}/${TEAMS} delivered`,
    );
    // A few more ticks, to catch any late duplicate.
    await new Promise((r) => setTimeout(r, 3_000));
    const { lost, duplicates, delivered } = countDeliveries(fake, expected);
    const restartLog = server.output();
    console.log(
      `[reliability] crash: faults injected=1 (kill -9 at post #${KILL_AT}), delivered before crash=${beforeRestart}, delivered=${delivered}/${TEAMS}, lost=${lost}, duplicates=${duplicates} (database: ${db.kind})`,
    );
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
    expect(restartLog).not.toMatch(/"level":(50|60)/);
  });
});
