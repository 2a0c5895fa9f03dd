import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../../src/config/env.js";
import { systemClock } from "../../../src/core/ports/clock.js";
import { startHttpServer } from "../../../src/http/server.js";
import { createPlatforms } from "../../../src/platforms/index.js";
import { playgroundApi } from "../../../src/platforms/local/api/playground-api.js";
import { createMessageStore } from "../../../src/platforms/local/message-store.js";
import { createOpenForms } from "../../../src/platforms/local/open-forms.js";
import { type Playground, startPlayground } from "./start-playground.js";

const staff = "amara-okafor";

describe("playground clock control", () => {
  let pg: Playground;
  beforeAll(async () => {
    pg = await startPlayground({ now: "2022-11-25T10:00:00Z" });
  });
  afterAll(async () => {
    await pg?.close();
  });

  it("jumps to the due day and the scheduler's reminders land in the team channels", async () => {
    const res = await pg.post("clock", { to: "2022-11-30T09:00", as: staff });
    expect(res.status).toBe(200);
    expect(res.body.clock).toMatchObject({ label: "Wed 30 Nov 2022, 09:00", wall: "2022-11-30T09:00" });
    expect(pg.deps.clock.now().toISOString()).toBe("2022-11-30T09:00:00.000Z");
    expect(res.body.tick.sent).toBeGreaterThanOrEqual(12);
    expect(res.body.arrived).toContainEqual({ channel: "lambeth", name: "lambeth", count: 1 });

    const lambeth = await pg.get("messages?as=grace-adeyemi&channel=lambeth");
    const reminder = lambeth.body.messages.at(-1);
    expect(reminder).toMatchObject({ fromBot: true, private: false, time: "Wed 30 Nov 2022, 09:00" });
    expect(reminder.html).toContain("November 2022 update is due today");
    expect(reminder.html).toContain('data-action="update.open" data-value="2022-11"');

    // Everything sent went through the playground's gateway: no Slack or Teams gateway exists here.
    const sent = await pg.db.prisma.delivery.findMany({ where: { status: "sent" } });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((d) => d.platformMessageId?.startsWith("local-"))).toBe(true);

    // Jumping to the same moment again sends nothing twice (the outbox remembers).
    const again = await pg.post("clock", { to: "2022-11-30T09:00", as: staff });
    expect(again.body.tick.sent).toBe(0);
    expect(again.body.arrived).toEqual([]);
  });

  it("jumps to the day after and the digest lands in the staff channel only", async () => {
    const res = await pg.post("clock", { to: "2022-12-01T09:00", as: staff });
    expect(res.body.arrived.map((a: { channel: string }) => a.channel)).toContain("staff");
    const { body } = await pg.get(`messages?as=${staff}&channel=staff`);
    expect(body.messages.map((m: { html: string }) => m.html).join("")).toContain("Progress digest: November 2022");
    const member = await pg.get("messages?as=grace-adeyemi&channel=staff");
    expect(member.status).toBe(403);
  });

  it("refuses to move a clock that is not the playground's (a real workspace is connected)", async () => {
    const api = playgroundApi({
      deps: { ...pg.deps, clock: systemClock },
      store: createMessageStore(),
      forms: createOpenForms(),
      runTick: async () => {
        throw new Error("must not run");
      },
    });
    const http = await startHttpServer({
      routes: () => [{ method: "*", path: "/playground/api/*", handler: api }],
      port: 0,
      host: "127.0.0.1",
      logger: pg.deps.logger,
    });
    try {
      const res = await fetch(`http://127.0.0.1:${http.port}/playground/api/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to: "2022-12-01T09:00" }),
      });
      expect(res.status).toBe(409);
      expect((await res.json()).error).toMatch(/only moves when no Slack or Teams/);
    } finally {
      await http.close();
    }
  });

  it("is not served in production when real credentials are configured", async () => {
    const credentials = {
      NODE_ENV: "production",
      CLIENT_ID: "00000000-0000-0000-0000-000000000001",
      CLIENT_SECRET: "not-a-real-secret",
      TENANT_ID: "00000000-0000-0000-0000-000000000002",
    };
    // Asking for it next to real credentials is refused outright (issue 12; test/integration/server/exposure).
    expect(() => parseEnv({ ...credentials, PLAYGROUND: "true" })).toThrow(/PLAYGROUND is refused/);
    const env = parseEnv(credentials);
    const platforms = await createPlatforms({ env, deps: { ...pg.deps, gateways: {} } });
    try {
      expect(platforms.map((p) => p.name)).not.toContain("playground");
      const paths = platforms.flatMap((p) => p.routes.map((r) => r.path));
      expect(paths).not.toContain("/");
      expect(paths.some((p) => p.startsWith("/playground"))).toBe(false);
    } finally {
      for (const p of platforms) await p.stop?.();
    }
  });
});
