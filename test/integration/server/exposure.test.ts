import http from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type FakeSlackApi, startFakeSlackApi } from "../../fakes/fake-slack-api.js";
import { isLoopbackListener, listeningAddresses } from "../../support/listening-addresses.js";
import { lines, startExpectingRefusal } from "../../support/refused-start.js";
import { seededDatabaseUrl } from "../../support/seeded-data-folder.js";
import { type SpawnedServer, spawnServer } from "../../support/spawn-server.js";
import { MEMBER, personalMessage } from "../../support/teams-activities.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

/**
 * Issue 12 point 3, through the real entry point: nothing without a login (the playground, its API,
 * unauthenticated Teams) faces the network or answers a foreign Host (DNS rebinding) or Origin, and the
 * playground never runs next to real Slack or Teams credentials.
 */
const TEAMS_CREDENTIALS = {
  CLIENT_ID: "00000000-0000-0000-0000-000000000001",
  CLIENT_SECRET: "not-a-real-secret",
  TENANT_ID: "00000000-0000-0000-0000-000000000002",
};
// Refused starts never open a database; the ones that start get a copy of the seeded folder.
const base = { DATABASE_URL: "pglite:memory", NODE_ENV: "development", SCHEDULER: "false", PLAYGROUND: "" };

describe("refuses to start", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  it.each([
    ["real Slack credentials", { SLACK_SIGNING_SECRET: "s", SLACK_BOT_TOKEN: "xoxb-real" }, "Slack"],
    ["real Teams credentials", TEAMS_CREDENTIALS, "Teams"],
  ])("PLAYGROUND=true next to %s, in one line saying why", async (_what, credentials, platform) => {
    const result = await startExpectingRefusal({ ...base, ...credentials, PLAYGROUND: "true" });
    expect(result.code).not.toBe(0);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        new RegExp(`^Invalid environment: PLAYGROUND is refused with real ${platform} credentials: .*no login`),
      ),
    ]);
    expect(result.stdout).toBe("");
  });

  it.each([
    ["the playground", {}],
    ["TEAMS_ALLOW_UNAUTHENTICATED=true", { TEAMS_ALLOW_UNAUTHENTICATED: "true", PLAYGROUND: "false" }],
  ])("with %s on and a HOST that is not loopback", async (_what, extra) => {
    const result = await startExpectingRefusal({ ...base, ...extra, HOST: "0.0.0.0" });
    expect(result.code).not.toBe(0);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^Invalid environment: HOST is 0\.0\.0\.0, not a loopback address, while .*no login/),
    ]);
  });
});

describe("TEAMS_ALLOW_UNAUTHENTICATED=true without the playground", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer({
      ...base,
      DATABASE_URL: await seededDatabaseUrl(),
      TEAMS_ALLOW_UNAUTHENTICATED: "true",
      PLAYGROUND: "false",
    });
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
  });

  it("listens on loopback only", () => {
    const addresses = listeningAddresses(server.port);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((a) => !isLoopbackListener(a))).toEqual([]);
  });

  it("answers /api/messages only for a loopback Host, and refuses a foreign Origin", async () => {
    const activity = JSON.stringify(
      personalMessage({ serviceUrl: "http://127.0.0.1:9", id: "rebind-1", from: MEMBER, text: "help" }),
    );
    const json = { "content-type": "application/json" };
    const rebound = await request(
      server.port,
      "POST",
      "/api/messages",
      { ...json, host: "rebind.evil.example" },
      activity,
    );
    expect(rebound.status).toBe(421);
    expect(rebound.body).toMatch(/localhost, 127\.0\.0\.1 or \[::1\]/);
    const crossSite = await request(
      server.port,
      "POST",
      "/api/messages",
      { ...json, host: `127.0.0.1:${server.port}`, origin: "https://evil.example" },
      activity,
    );
    expect(crossSite.status).toBe(403);
  });
});

describe("the playground next to a local fake Slack (not a real workspace)", { timeout: PROCESS_TEST_TIMEOUT }, () => {
  let fake: FakeSlackApi;
  let server: SpawnedServer;
  beforeAll(async () => {
    fake = await startFakeSlackApi();
    server = await spawnServer({
      ...base,
      DATABASE_URL: await seededDatabaseUrl(),
      PLAYGROUND: "true",
      SLACK_SIGNING_SECRET: "s",
      SLACK_BOT_TOKEN: "xoxb-fake",
      SLACK_API_URL: fake.url,
    });
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it("starts, bound to loopback only although a platform is configured", () => {
    const addresses = listeningAddresses(server.port);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((a) => !isLoopbackListener(a))).toEqual([]);
  });

  it("serves the page and its API only to a loopback Host (DNS rebinding)", async () => {
    for (const path of ["/", "/playground/api/state"]) {
      const rebound = await request(server.port, "GET", path, { host: `rebind.evil.example:${server.port}` });
      expect(rebound.status, path).toBe(421);
      for (const host of [`localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`]) {
        expect((await request(server.port, "GET", path, { host })).status, `${path} ${host}`).toBe(200);
      }
    }
  });

  it("refuses a state-changing request from a foreign Host or Origin, and runs nothing", async () => {
    const unlock = JSON.stringify({ as: "amara", channel: "programme-team", text: "unlock tower-hamlets" });
    const json = { "content-type": "application/json" };
    const rebound = await request(
      server.port,
      "POST",
      "/playground/api/send",
      { ...json, host: "rebind.evil.example" },
      unlock,
    );
    expect(rebound.status).toBe(421);
    const crossSite = await request(
      server.port,
      "POST",
      "/playground/api/send",
      { ...json, host: `localhost:${server.port}`, origin: `http://rebind.evil.example:${server.port}` },
      unlock,
    );
    expect(crossSite.status).toBe(403);
    expect(crossSite.body).toMatch(/^Cross-site request refused/);
  });
});

/** A raw HTTP request to 127.0.0.1 with the Host and Origin headers a browser would send. */
function request(port: number, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.on("data", (c) => {
        text += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
