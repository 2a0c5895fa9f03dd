import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seededDatabaseUrl } from "../../support/seeded-data-folder.js";
import { type SpawnedServer, spawnServer } from "../../support/spawn-server.js";
import { PROCESS_TEST_TIMEOUT } from "../../support/timeouts.js";

// Starts real processes (server or CLI): wall time on a loaded machine, see support/timeouts.ts.
vi.setConfig({ testTimeout: PROCESS_TEST_TIMEOUT });

// The real entry point (what `npm start` runs) with no credentials: the playground is what a newcomer sees.
describe("npm start with no credentials", () => {
  let server: SpawnedServer;
  beforeAll(async () => {
    server = await spawnServer({ DATABASE_URL: await seededDatabaseUrl(), PLAYGROUND: "", NODE_ENV: "development" });
  }, PROCESS_TEST_TIMEOUT);
  afterAll(async () => {
    await server?.stop();
  });

  it("serves the playground page at / on loopback only", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect((await res.text()).toLowerCase()).toContain("innovators");
    expect(server.output()).toMatch(/"host":"127\.0\.0\.1"/);
    expect(server.output()).toMatch(/"platforms":\["playground"\]/);
  });

  it("starts the movable clock inside the programme, which ended in 2023", async () => {
    const res = await fetch(`${server.url}/playground/api/state`);
    const { clock } = await res.json();
    expect(clock.adjustable).toBe(true);
    // Real time is after the programme, so the demo starts where the README's tour works: Mon 24 Oct 2022,
    // 09:00 London time, when the first monthly update opens.
    expect(clock.wall.slice(0, 13)).toBe("2022-10-24T09");
  });
});
