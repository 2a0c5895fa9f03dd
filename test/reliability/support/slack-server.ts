import type { FakeSlackApi } from "../../fakes/fake-slack-api.js";
import { signHeaders } from "../../support/slack-harness.js";

export const SIGNING_SECRET = "test-signing-secret";

/** Environment for a spawned server on Slack (HTTP mode) against the fake Web API, scheduler ticking each second. */
export function slackServerEnv(input: {
  fake: FakeSlackApi;
  databaseUrl: string;
  programme: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    NODE_ENV: "test",
    DATABASE_URL: input.databaseUrl,
    PROGRAMME_SEED: input.programme,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: "xoxb-reliability-test",
    SLACK_API_URL: input.fake.url,
    PLAYGROUND: "false",
    SCHEDULER_CRON: "* * * * * *",
    OUTBOX_LEASE_SECONDS: "15",
    ...input.extra,
  };
}

/** A signed `/cohort <text>` to a server's /slack/events; returns status, body and latency. */
export async function slashCommand(
  baseUrl: string,
  fields: { text: string; user_id: string; channel_id: string; response_url: string; trigger_id?: string },
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams({
    token: "unused",
    team_id: "T0REL",
    team_domain: "reliability",
    channel_name: "team",
    user_name: "someone",
    command: "/cohort",
    api_app_id: "A0REL",
    trigger_id: `trigger.${Math.random().toString(36).slice(2)}`,
    ...fields,
  }).toString();
  const started = performance.now();
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...signHeaders(body, "good"), ...headers },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, ms: performance.now() - started };
}

/** Distinct channels and duplicates among the channel messages the fake Slack really accepted. */
export function countDeliveries(fake: FakeSlackApi, expectedChannels: string[]) {
  const perChannel = new Map<string, number>();
  for (const c of fake.accepted("chat.postMessage")) {
    const ch = String(c.params.channel);
    if (!ch.startsWith("C")) continue; // DMs (form confirmations) are not reminders
    perChannel.set(ch, (perChannel.get(ch) ?? 0) + 1);
  }
  const lost = expectedChannels.filter((c) => !perChannel.has(c)).length;
  const duplicates = [...perChannel.values()].reduce((n, k) => n + (k - 1), 0);
  return { delivered: perChannel.size, lost, duplicates, perChannel };
}

/** Polls until `check` returns true (no fixed sleeps); throws with `describe()` on timeout. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, describe: () => string) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A signed interactivity payload (`payload=<json>`) to a server's /slack/events. */
export async function slackInteraction(baseUrl: string, payload: unknown, headers: Record<string, string> = {}) {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const res = await fetch(`${baseUrl}/slack/events`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...signHeaders(body, "good"), ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}
