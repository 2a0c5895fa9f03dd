import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { systemClock } from "../../../src/core/ports/clock.js";
import { createChartUrlSigner } from "../../../src/web/chart-images/chart-url-signer.js";
import { seededDatabaseUrl } from "../../support/seeded-data-folder.js";
import { type SpawnedServer, spawnServer } from "../../support/spawn-server.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

const SECRET = "a-test-chart-secret-of-32-characters!";

/** The real entry point (dist/main.js, as `npm start` runs it): the composition root wires the staff pages. */
describe("the staff pages from npm start (playground mode)", () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer({
      DATABASE_URL: await seededDatabaseUrl(),
      SCHEDULER: "false",
      PUBLIC_URL: "http://127.0.0.1:9",
      CHART_URL_SECRET: SECRET,
    });
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
  });

  it("opens /staff for a staff member chosen with ?as= (with an inline SVG chart) and refuses a member", async () => {
    const staff = await fetch(`${server.url}/staff?as=amara-okafor`);
    expect(staff.status).toBe(200);
    expect(await staff.text()).toContain("<svg");
    expect((await fetch(`${server.url}/staff?as=aisha-rahman`)).status).toBe(403);
    expect((await fetch(`${server.url}/staff/static/staff.css`)).status).toBe(200);
  });

  it("serves the digest picture only for a link signed with this deployment's key", async () => {
    const programme = "unknown-but-signed";
    const signer = createChartUrlSigner({ publicUrl: server.url, secret: Buffer.from(SECRET), clock: systemClock });
    const good = new URL(signer.links.digestChart({ programmeId: programme, month: "2022-11" }));
    // A valid signature for a programme that does not exist: still nothing to show.
    expect((await fetch(good)).status).toBe(404);
    const otherKey = createChartUrlSigner({
      publicUrl: server.url,
      secret: Buffer.from("x".repeat(32)),
      clock: systemClock,
    });
    expect((await fetch(otherKey.links.digestChart({ programmeId: programme, month: "2022-11" }))).status).toBe(404);
  });
});

describe("the staff pages from npm start with Slack credentials", () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer({
      DATABASE_URL: await seededDatabaseUrl(),
      SCHEDULER: "false",
      SLACK_SIGNING_SECRET: "dash",
      SLACK_BOT_TOKEN: "xoxb-dash",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      HOST: "127.0.0.1",
    });
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
  });

  it("sends a visitor with no session to sign-in, and ?as= opens nothing", async () => {
    for (const path of ["/staff", "/staff?as=amara-okafor", "/staff/teams/tower-hamlets"]) {
      const res = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location")).toMatch(/^\/auth\/sign-in/);
    }
  });
});
