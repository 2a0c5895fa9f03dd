import net from "node:net";
import { describe, expect, it } from "vitest";
import { parseEnv } from "../../../src/config/env.js";
import type { CoreDeps } from "../../../src/core/deps.js";
import { silentLogger } from "../../../src/core/ports/logger.js";
import { gatewayClientOptions, interactiveClientOptions, slackConfig } from "../../../src/platforms/slack/config.js";
import { createSlackPlatform } from "../../../src/platforms/slack/index.js";

const base = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret" };
const deps = { logger: silentLogger, gateways: {} } as unknown as CoreDeps;

describe("Slack configuration", () => {
  it("uses HTTP on /slack/events when no app token is set", async () => {
    const env = parseEnv(base);
    expect(slackConfig(env).mode).toBe("http");
    const platform = await createSlackPlatform({ env, deps });
    expect(platform.routes.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /slack/events"]);
    expect(platform.gateway?.platform).toBe("slack");
  });

  it("uses Socket Mode, with no public route, when SLACK_APP_TOKEN is set (signing secret optional)", async () => {
    const env = parseEnv({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1-abc" });
    expect(slackConfig(env).mode).toBe("socket");
    const platform = await createSlackPlatform({ env, deps });
    expect(platform.routes).toEqual([]);
  });

  it("points the Web API at SLACK_API_URL and keeps SDK retries short", () => {
    const config = slackConfig(parseEnv({ ...base, SLACK_API_URL: "https://slack-gov.com/api/" }));
    expect(interactiveClientOptions(config).slackApiUrl).toBe("https://slack-gov.com/api/");
    expect(interactiveClientOptions(config).retryConfig?.retries).toBeLessThanOrEqual(1);
    expect(interactiveClientOptions(config).rejectRateLimitedCalls).toBe(true);
    expect(gatewayClientOptions(config).retryConfig?.retries).toBe(0);
    expect(gatewayClientOptions(config).rejectRateLimitedCalls).toBe(true);
    expect(interactiveClientOptions(slackConfig(parseEnv(base))).slackApiUrl).toBeUndefined();
  });

  it("starts at once, without throwing, when Slack is unreachable or never answers", async () => {
    const refused = await createSlackPlatform({
      env: parseEnv({ ...base, SLACK_API_URL: "http://127.0.0.1:9/api/" }),
      deps,
    });
    await refused.start?.();
    await refused.stop?.();
    // A Slack that takes the request and never answers: the client gives up after its 10 s timeout, so
    // a start() that waited for the token check would take 10 s. A wide margin below that for busy machines.
    const held: net.Socket[] = [];
    const silent = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const env = parseEnv({ ...base, SLACK_API_URL: `http://127.0.0.1:${port}/api/` });
      const platform = await createSlackPlatform({ env, deps });
      const started = performance.now();
      await platform.start?.();
      expect(performance.now() - started).toBeLessThan(5_000);
      await platform.stop?.();
    } finally {
      for (const s of held) s.destroy();
      silent.close();
    }
  });
});
