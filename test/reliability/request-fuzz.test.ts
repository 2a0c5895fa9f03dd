import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeBotConnector, startFakeBotConnector } from "../fakes/fake-bot-connector.js";
import { type FakeSlackApi, startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { SIGNING_SECRET } from "../support/slack-harness.js";
import { type SpawnedServer, spawnServer } from "../support/spawn-server.js";
import { type FuzzCase, send, slackCases, teamsCases } from "./support/fuzz-requests.js";

/**
 * Promise (issue 12 point 5): no request can take the process down. Authentic but malformed input (a
 * correctly signed Slack body, an activity in the unauthenticated Teams mode) gets an answer below 500,
 * never a crash, never an unhandled rejection; /healthz stays 200 throughout. Seeded and bounded so a
 * run is repeatable and takes about the same time everywhere: batches of BATCH requests sent at once.
 */
const SEED = 20_221_012;
const BATCH = 8;
const SLACK_RUNS = 200; // × BATCH = 1,600 signed Slack requests
const TEAMS_RUNS = 125; // × BATCH = 1,000 Teams activities

describe("request fuzz against the real server", () => {
  let slack: FakeSlackApi;
  let connector: FakeBotConnector;
  let server: SpawnedServer;
  const statuses = new Map<string, number>();
  const latencies: number[] = [];

  beforeAll(async () => {
    [slack, connector] = await Promise.all([startFakeSlackApi(), startFakeBotConnector()]);
    server = await spawnServer(
      {
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        DATABASE_URL: "pglite:memory",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_BOT_TOKEN: "xoxb-fuzz",
        SLACK_API_URL: slack.url,
        TEAMS_ALLOW_UNAUTHENTICATED: "true",
        PLAYGROUND: "false",
        SCHEDULER: "false",
      },
      { timeoutMs: 90_000 },
    );
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await Promise.all([slack?.close(), connector?.close()]);
  });

  /** Sends a batch at once; every answer must be below 500 and the server still healthy afterwards. */
  async function sendBatch(cases: FuzzCase[]): Promise<void> {
    const results = await Promise.all(cases.map((c) => send(server.url, c)));
    results.forEach((r, i) => {
      const key = `${cases[i]?.route} ${r.status}`;
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      latencies.push(r.ms);
      if (r.status >= 500) throw new Error(`${r.status} for ${JSON.stringify(cases[i])}`);
    });
    const health = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    expect(health.status).toBe(200);
    slack.reset();
  }

  it("survives the requests that took it down before (payload=null and friends)", async () => {
    const form = "application/x-www-form-urlencoded";
    const known: FuzzCase[] = [
      "payload=null",
      "payload=1",
      'payload="x"',
      "payload=%5B%5D",
      "payload=a&payload=b",
      "event=x&command=%2Fcohort",
      `payload=${encodeURIComponent(JSON.stringify({ type: "block_actions", user: { id: "U1" }, channel: null, actions: [{}] }))}`,
      `payload=${encodeURIComponent(JSON.stringify({ type: "view_submission", user: null, view: null }))}`,
    ].map((body) => ({ route: "/slack/events", body, contentType: form, from: "known" }));
    known.push({ route: "/slack/events", body: "null", contentType: "application/json", from: "known" });
    known.push({ route: "/api/messages", body: "[]", contentType: "application/json", from: "known" });
    await sendBatch(known);
    expect(server.process.exitCode).toBeNull();
  });

  it(`signed Slack requests: ${SLACK_RUNS * BATCH} generated bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(slackCases(slack.responseUrl), { minLength: BATCH, maxLength: BATCH }), sendBatch),
      { seed: SEED, numRuns: SLACK_RUNS, endOnFailure: true },
    );
  }, 600_000);

  it(`unauthenticated Teams activities: ${TEAMS_RUNS * BATCH} generated bodies`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(teamsCases(connector.url), { minLength: BATCH, maxLength: BATCH }), sendBatch),
      { seed: SEED, numRuns: TEAMS_RUNS, endOnFailure: true },
    );
  }, 600_000);

  it("is still the same healthy process, and never logged an unhandled rejection or exception", async () => {
    expect(server.process.exitCode).toBeNull();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
    console.log(
      `[reliability] request fuzz: requests=${latencies.length}, 5xx=0, crashes=0, p50=${at(0.5)} ms, p99=${at(0.99)} ms, statuses=${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    // Errors the server logged while answering (a listener failing after its ack): not crashes, but listed.
    const logged = server
      .output()
      .split("\n")
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
          return (entry.level ?? 0) >= 50 ? [`${entry.msg}: ${entry.err?.message ?? ""}`.slice(0, 160)] : [];
        } catch {
          return [];
        }
      });
    const distinct = [...new Set(logged)];
    console.log(
      `[reliability] request fuzz: error log lines=${logged.length}, distinct=${JSON.stringify(distinct.slice(0, 10))}`,
    );
    expect(server.output()).not.toMatch(/unhandled promise rejection|uncaught exception/);
  });
});
