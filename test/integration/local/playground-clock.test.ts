import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../../../src/config/env.js";
import { fixedClock, systemClock } from "../../../src/core/ports/clock.js";
import { startHttpServer } from "../../../src/http/server.js";
import { createPlatforms } from "../../../src/platforms/index.js";
import { playgroundApi } from "../../../src/platforms/local/api/playground-api.js";
import { createMessageStore } from "../../../src/platforms/local/message-store.js";
import { createOpenForms } from "../../../src/platforms/local/open-forms.js";
import { createPlaygroundClock } from "../../../src/platforms/local/playground-clock.js";
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

  it("a restart on the same data resumes the clock where the tour left off, not at its start", async () => {
    // The tests above sent the 1 Dec digest; a new start with the same database begins there.
    const clock = createPlaygroundClock(fixedClock("2022-11-25T10:00:00Z"));
    const env = parseEnv({ NODE_ENV: "test", PLAYGROUND: "true" });
    const platforms = await createPlatforms({ env, deps: { ...pg.deps, clock, gateways: {} } });
    try {
      expect(clock.now().getTime()).toBeGreaterThanOrEqual(Date.parse("2022-12-01T09:00:00Z"));
    } finally {
      for (const p of platforms) await p.stop?.();
    }
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

describe("a fresh playground start on Saturday 1 Oct 2022, 09:00 (inside the programme)", () => {
  let pg: Playground;
  beforeAll(async () => {
    pg = await startPlayground({ now: "2022-10-01T08:00:00Z", start: true });
  });
  afterAll(async () => {
    await pg?.close();
  });

  const allMessages = async () => {
    const { body } = await pg.get(`channels?as=${staff}`);
    let count = 0;
    for (const c of body.channels as { id: string }[])
      count += (await pg.get(`messages?as=${staff}&channel=${encodeURIComponent(c.id)}`)).body.messages.length;
    return count;
  };

  it("posts nothing that weekend, and what is still useful on Monday at 08:00", async () => {
    // The first scheduler run happens at start: the kick-off milestone's 7-day reminder (Thu 29 Sep) waits.
    await expect
      .poll(() => pg.db.prisma.delivery.count({ where: { status: "pending" } }), { timeout: 60_000 })
      .toBeGreaterThan(0);
    const waiting = await pg.db.prisma.delivery.findMany({ where: { status: "pending" } });
    expect(new Set(waiting.map((d) => d.nextAttemptAt?.toISOString()))).toEqual(new Set(["2022-10-03T07:00:00.000Z"]));
    expect(await allMessages()).toBe(0);

    for (const to of ["2022-10-01T09:05", "2022-10-01T18:00", "2022-10-02T12:00", "2022-10-03T07:59"]) {
      const res = await pg.post("clock", { to, as: staff });
      expect(res.body.tick.sent).toBe(0);
    }
    const saturday = await pg.post("clock", { to: "2022-10-01T10:00", as: staff });
    expect(saturday.body.quiet).toBe("a weekend");
    expect(await allMessages()).toBe(0);

    const monday = await pg.post("clock", { to: "2022-10-03T08:00", as: "aisha-rahman" });
    expect(monday.body.quiet).toBeNull();
    expect(monday.body.tick.sent).toBe(waiting.length);
    const { body } = await pg.get("messages?as=aisha-rahman&channel=tower-hamlets");
    expect(body.messages.map((m: { time: string }) => m.time)).toEqual(["Mon 3 Oct 2022, 08:00"]);
    expect(body.messages[0].html).toContain("Programme kick-off");
    expect((await pg.post("clock", { to: "2022-10-03T08:01", as: staff })).body.tick.sent).toBe(0);
  });
});
