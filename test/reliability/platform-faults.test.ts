import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { type SpawnedServer, spawnServer } from "../support/spawn-server.js";
import { channelId, memberId, sessionStartFor, writeProgramme } from "./support/programme-builder.js";
import { type ServerDatabase, serverDatabase } from "./support/server-database.js";
import { countDeliveries, slackServerEnv, slashCommand, waitUntil } from "./support/slack-server.js";

/**
 * Promise: while Slack answers 429 (with Retry-After), 500 and not at all (timeouts), every reminder is
 * still delivered exactly once, and people's slash commands keep being answered quickly meanwhile.
 * A timed-out request is modelled as never processed by Slack (lost on the way in).
 */
const TEAMS = 30;
const FAULTS = { rateLimited: 3, serverErrors: 4, timeouts: 2 };

describe("platform faults: 429, 500 and timeouts from the Slack Web API", () => {
  let fake: FakeSlackApi;
  let db: ServerDatabase;
  let server: SpawnedServer | undefined;

  beforeAll(async () => {
    fake = await startFakeSlackApi();
    db = await serverDatabase();
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    await db?.drop();
  });

  it("delivers every reminder once and keeps answering commands", async () => {
    fake.failNext(
      "chat.postMessage",
      { status: 429, headers: { "retry-after": "1" }, body: { ok: false, error: "ratelimited" } },
      FAULTS.rateLimited,
    );
    fake.failNext(
      "chat.postMessage",
      { status: 500, body: { ok: false, error: "internal_error" } },
      FAULTS.serverErrors,
    );
    fake.failNext("chat.postMessage", { hang: true }, FAULTS.timeouts);
    const programme = writeProgramme({ teams: TEAMS, sessions: [sessionStartFor(-60_000)] });
    server = await spawnServer(slackServerEnv({ fake, databaseUrl: db.url, programme }), { timeoutMs: 60_000 });
    const running = server;
    const expected = Array.from({ length: TEAMS }, (_, i) => channelId(i + 1));

    // Slash commands from a member while the faults play out, until every reminder is through.
    const latencies: number[] = [];
    let badReplies = 0;
    let done = false;
    const commands = (async () => {
      let i = 0;
      while (!done) {
        const r = await slashCommand(running.url, {
          text: i++ % 2 ? "help" : "next",
          user_id: memberId(1, 1),
          channel_id: channelId(1),
          response_url: fake.responseUrl,
        });
        latencies.push(r.ms);
        if (r.status !== 200 || r.text.length === 0) badReplies++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      await waitUntil(
        () => countDeliveries(fake, expected).lost === 0,
        110_000,
        () => `${countDeliveries(fake, expected).delivered}/${TEAMS} delivered`,
      );
      await new Promise((r) => setTimeout(r, 2_000));
    } finally {
      done = true;
      await commands;
    }

    const { lost, duplicates } = countDeliveries(fake, expected);
    const faults = fake.callsTo("chat.postMessage").filter((c) => !c.ok).length;
    latencies.sort((a, b) => a - b);
    const p50 = latencies[Math.floor(latencies.length / 2)] ?? 0;
    const p99 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? 0;
    console.log(
      `[reliability] platform faults: faults injected=${faults} (429×${FAULTS.rateLimited}, 500×${FAULTS.serverErrors}, timeout×${FAULTS.timeouts}), lost=${lost}, duplicates=${duplicates}; slash commands during faults: ${latencies.length}, failed=${badReplies}, latency p50=${p50.toFixed(0)} ms p99=${p99.toFixed(0)} ms max=${(latencies.at(-1) ?? 0).toFixed(0)} ms`,
    );
    expect(faults).toBe(FAULTS.rateLimited + FAULTS.serverErrors + FAULTS.timeouts);
    expect(lost).toBe(0);
    expect(duplicates).toBe(0);
    expect(badReplies).toBe(0);
    expect(latencies.length).toBeGreaterThan(20);
    // Generous for a loaded 2-core machine; the point is that a send stuck for 10 s blocks nobody.
    expect(p99).toBeLessThan(1_500);
  });
});
