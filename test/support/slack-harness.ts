import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { buildCoreDeps } from "../../src/app/build-deps.js";
import { parseEnv } from "../../src/config/env.js";
import { loadProgrammeFile } from "../../src/config/load-programme-file.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { fixedClock } from "../../src/core/ports/clock.js";
import { type Logger, silentLogger } from "../../src/core/ports/logger.js";
import { importProgramme } from "../../src/db/import-programme.js";
import { healthRoute } from "../../src/http/health-route.js";
import { startHttpServer } from "../../src/http/server.js";
import { createSlackPlatform } from "../../src/platforms/slack/index.js";
import { startFakeSlackApi } from "../fakes/fake-slack-api.js";
import { createTestDatabase } from "./test-database.js";
import { testReplyBudget } from "./test-reply-budget.js";

export const SIGNING_SECRET = "test-signing-secret";
const SEED = "prisma/seed/sp-innovators.yaml";

export type SignMode = "good" | "bad" | "none" | "old";
export type SlackResponse = { status: number; text: string; json: () => Record<string, unknown>; ms: number };

/**
 * The real server in-process, the way src/main.ts builds it: a database seeded with the SP Innovators
 * programme, the core's deps, the Slack platform on Bolt, our HTTP server on a free port, and the
 * WebClient pointed at a fake Slack Web API. Requests are signed exactly as Slack signs them.
 */
export async function startSlackHarness(
  options: { now?: string; logger?: Logger; seed?: string; env?: Record<string, string> } = {},
) {
  const fake = await startFakeSlackApi();
  const db = await createTestDatabase();
  const seed = async () => importProgramme(db.prisma, loadProgrammeFile(options.seed ?? SEED));
  await seed();
  const clock = fixedClock(options.now ?? "2022-11-25T10:00:00Z");
  const deps: CoreDeps = buildCoreDeps({ db, clock, logger: options.logger ?? silentLogger });
  const env = parseEnv({
    NODE_ENV: "test",
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_API_URL: fake.url,
    ...options.env,
  });
  const platform = await createSlackPlatform({ env, deps, replies: testReplyBudget(options.env) });
  if (platform.gateway) deps.gateways.slack = platform.gateway;
  const server = await startHttpServer({
    routes: () => [healthRoute(() => db.ping()), ...platform.routes],
    port: 0,
    host: "127.0.0.1",
    logger: options.logger ?? silentLogger,
  });
  await platform.start?.();
  // start() checks the token in the background; let that land so tests see only their own calls.
  await fake.waitFor("auth.test");
  fake.reset();
  const url = `http://127.0.0.1:${server.port}/slack/events`;
  let triggers = 0;

  async function post(
    body: string,
    contentType: string,
    mode: SignMode = "good",
    headers: Record<string, string> = {},
  ) {
    const started = performance.now();
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": contentType, ...signHeaders(body, mode), ...headers },
      body,
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      json: () => JSON.parse(text) as Record<string, unknown>,
      ms: performance.now() - started,
    };
  }

  return {
    url,
    fake,
    db,
    deps,
    clock,
    platform,
    post,
    /** A signed `/cohort <text>` from the fixture, with fields overridden. */
    command(
      text: string,
      fields: Record<string, string> = {},
      mode: SignMode = "good",
      headers: Record<string, string> = {},
    ) {
      const body = new URLSearchParams({
        ...fixture<Record<string, string>>("slash-command.json"),
        response_url: fake.responseUrl,
        trigger_id: `trigger.${++triggers}.${Date.now()}`,
        text,
        ...fields,
      }).toString();
      return post(body, "application/x-www-form-urlencoded", mode, headers);
    },
    /** A signed interactivity payload (`payload=<json>`), as Slack posts block_actions and view_* . */
    interaction(payload: unknown, headers: Record<string, string> = {}) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return post(body, "application/x-www-form-urlencoded", "good", headers);
    },
    /** A signed Events API callback. */
    event(payload: unknown, headers: Record<string, string> = {}) {
      return post(JSON.stringify(payload), "application/json", "good", headers);
    },
    async reset() {
      await db.reset();
      await seed();
      fake.reset();
    },
    async close() {
      await server.close();
      await platform.stop?.();
      await fake.close();
      await db.close();
    },
  };
}

export type SlackHarness = Awaited<ReturnType<typeof startSlackHarness>>;

export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(`test/fixtures/slack/${name}`, "utf8")) as T;
}

/** Slack's v0 request signature; `old` is ten minutes stale, `bad` uses the wrong secret. */
export function signHeaders(body: string, mode: SignMode, secret = SIGNING_SECRET): Record<string, string> {
  if (mode === "none") return {};
  const ts = Math.floor(Date.now() / 1000) - (mode === "old" ? 600 : 0);
  const key = mode === "bad" ? "not-the-secret" : secret;
  const signature = `v0=${createHmac("sha256", key).update(`v0:${ts}:${body}`).digest("hex")}`;
  return { "x-slack-signature": signature, "x-slack-request-timestamp": String(ts) };
}
