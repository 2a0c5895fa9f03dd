import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { EnvError, parseEnv } from "../../../src/config/env.js";
import { SERVER_ENTRY } from "../../support/built-entry-points.js";
import { seededDatabaseUrl } from "../../support/seeded-data-folder.js";
import { MEMBER, personalMessage } from "../../support/teams-activities.js";
import { startTeamsHarness, type TeamsHarness } from "../../support/teams-harness.js";
import { PROCESS_TEST_TIMEOUT, SERVER_START_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

const CREDENTIALS = {
  CLIENT_ID: "00000000-0000-0000-0000-000000000001",
  CLIENT_SECRET: "test-secret",
  TENANT_ID: "00000000-0000-0000-0000-000000000002",
};

describe("Teams auth on (CLIENT_ID/CLIENT_SECRET/TENANT_ID set)", () => {
  let h: TeamsHarness;
  afterAll(() => h?.close());

  it("rejects an activity without Authorization, or with a malformed token, with 401 and no reply", async () => {
    h = await startTeamsHarness({ env: { ...CREDENTIALS, TEAMS_ALLOW_UNAUTHENTICATED: "false" } });
    const activity = personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from: MEMBER, text: "help" });
    // Both are refused before any key lookup: no header at all, then a token that is not a JWT.
    expect((await h.post(activity)).status).toBe(401);
    expect((await h.post(activity, { authorization: "Bearer not-a-jwt" })).status).toBe(401);
    expect(h.connector.calls).toHaveLength(0);
  });
});

describe("Teams auth off (TEAMS_ALLOW_UNAUTHENTICATED=true, local only)", () => {
  it("accepts an unsigned activity and replies at its serviceUrl", async () => {
    const h = await startTeamsHarness();
    try {
      const res = await h.post(
        personalMessage({ serviceUrl: h.connector.url, id: h.nextId(), from: MEMBER, text: "help" }),
      );
      expect(res.status).toBe(200);
      expect(h.connector.activities()).toHaveLength(1);
    } finally {
      await h.close();
    }
  });

  it("is refused with NODE_ENV=production by the env schema", () => {
    expect(() => parseEnv({ NODE_ENV: "production", TEAMS_ALLOW_UNAUTHENTICATED: "true" })).toThrow(EnvError);
  });
});

describe("real entry point (dist/main.js, what npm start runs)", () => {
  it("refuses to start in production with TEAMS_ALLOW_UNAUTHENTICATED=true", async () => {
    const { code, output } = await run({ NODE_ENV: "production", TEAMS_ALLOW_UNAUTHENTICATED: "true" }, async () => {});
    expect(code).not.toBe(0);
    expect(output).toContain("TEAMS_ALLOW_UNAUTHENTICATED");
  });

  it("in production with credentials, becomes healthy without Microsoft and answers unsigned activities 401", async () => {
    let status = 0;
    await run({ NODE_ENV: "production", ...CREDENTIALS }, async (port) => {
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(
          personalMessage({ serviceUrl: "http://127.0.0.1:9", id: "1", from: MEMBER, text: "help" }),
        ),
      });
      status = res.status;
    });
    expect(status).toBe(401);
  });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the server as a child process; once /healthz answers, runs `whenHealthy`, then stops it. */
async function run(env: Record<string, string>, whenHealthy: (port: number) => Promise<void>) {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      DATABASE_URL: await seededDatabaseUrl(),
      LOG_LEVEL: "warn",
      SCHEDULER: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (c) => (output += c));
  child.stderr.on("data", (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const deadline = Date.now() + SERVER_START_TIMEOUT;
  while (Date.now() < deadline && child.exitCode === null) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) {
      await whenHealthy(port);
      child.kill("SIGTERM");
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  if (child.exitCode === null && !child.killed) child.kill("SIGKILL");
  return { code: await exited, output };
}
