import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { startTcpProxy, type TcpProxy } from "../fakes/tcp-proxy.js";
import { type SpawnedServer, spawnServer } from "../support/spawn-server.js";
import { channelId, memberId, sessionStartFor, writeProgramme } from "./support/programme-builder.js";
import { adminQuery, postgresOrSkip, type ServerDatabase, serverDatabase } from "./support/server-database.js";
import type { ModalView } from "./support/slack-modal.js";
import { GOOD_UPDATE, viewSubmission } from "./support/slack-modal.js";
import { countDeliveries, slackInteraction, slackServerEnv, slashCommand, waitUntil } from "./support/slack-server.js";

/**
 * Promise: when the database is unreachable for 10 s, /healthz says so (503), the server comes back on
 * its own when the database does (200 again, no restart), and nothing is lost: an update submitted just
 * before is kept, and reminders that fell due during the outage are sent afterwards, once.
 */
const TEAMS = 5;
const OUTAGE_MS = 10_000;
const pg = postgresOrSkip();

describe.skipIf(pg.skip)("concurrency: the database unavailable for 10 s", () => {
  let fake: FakeSlackApi;
  let db: ServerDatabase;
  let proxy: TcpProxy;
  let server: SpawnedServer | undefined;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    db = await serverDatabase({ requirePostgres: true });
    const url = new URL(db.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await fake?.close();
    await db?.drop();
  });

  it("reports unhealthy, recovers by itself and loses nothing", async () => {
    const viaProxy = new URL(db.url);
    viaProxy.port = String(proxy.port);
    // The session's "1 hour before" reminder falls due 4 s into the outage (start-up takes a few seconds).
    const dueIn = 25_000;
    const programme = writeProgramme({ teams: TEAMS, membersPerTeam: 1, sessions: [sessionStartFor(dueIn)] });
    const dueAt = Date.now() + dueIn;
    server = await spawnServer(slackServerEnv({ fake, databaseUrl: viaProxy.toString(), programme }), {
      timeoutMs: 60_000,
    });
    const base = server.url;

    // An update submitted just before the outage.
    const user = memberId(1, 1);
    await slashCommand(base, {
      text: "update",
      user_id: user,
      channel_id: channelId(1),
      response_url: fake.responseUrl,
    });
    const [opened] = await fake.waitFor("views.open", 1, 10_000);
    const saved = await slackInteraction(base, viewSubmission(opened?.params.view as ModalView, user, GOOD_UPDATE));
    expect(saved).toEqual({ status: 200, text: "" });

    // Cut so that the reminder falls due during the outage.
    await waitUntil(
      () => Date.now() >= dueAt - 4_000,
      30_000,
      () => "waiting for the outage slot",
    );
    expect(countDeliveries(fake, []).delivered).toBe(0);
    proxy.cut();
    const cutAt = Date.now();
    const health: number[] = [];
    let commandDuringOutage = { status: 0, text: "" };
    while (Date.now() - cutAt < OUTAGE_MS) {
      const res = await fetch(`${base}/healthz`).catch(() => null);
      health.push(res?.status ?? 0);
      if (health.length === 2) {
        const r = await slashCommand(base, {
          text: "help",
          user_id: user,
          channel_id: channelId(1),
          response_url: fake.responseUrl,
        });
        commandDuringOutage = { status: r.status, text: r.text };
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const deliveredDuringOutage = countDeliveries(fake, []).delivered;
    proxy.restore();
    const restoredAt = Date.now();
    await waitUntil(
      async () => (await fetch(`${base}/healthz`)).status === 200,
      30_000,
      () => "healthz not 200 after restore",
    );
    const recoveryMs = Date.now() - restoredAt;

    const expected = Array.from({ length: TEAMS }, (_, i) => channelId(i + 1));
    await waitUntil(
      () => countDeliveries(fake, expected).lost === 0,
      60_000,
      () => `${countDeliveries(fake, expected).delivered}/${TEAMS} reminders`,
    );
    await new Promise((r) => setTimeout(r, 2_000));
    const { lost, duplicates } = countDeliveries(fake, expected);
    const [row] = await adminQuery<{ n: string }>(db.url, `SELECT count(*)::text AS n FROM "ProgressUpdate"`);
    const updatesKept = Number(row?.n ?? 0);
    console.log(
      `[reliability] database outage: faults injected=1 (${OUTAGE_MS / 1000} s cut, ${proxy.refused()} connections refused), healthz during=${[...new Set(health)].join("/")}, recovered in ${recoveryMs} ms, command during outage=${commandDuringOutage.status}, reminders lost=${lost}, duplicates=${duplicates}, updates lost=${1 - updatesKept}`,
    );
    expect(health).toContain(503);
    expect(health).not.toContain(200);
    expect(deliveredDuringOutage).toBe(0);
    expect(commandDuringOutage.status).toBe(200);
    expect(commandDuringOutage.text).toMatch(/try again/);
    expect(updatesKept).toBe(1);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
  });
});
