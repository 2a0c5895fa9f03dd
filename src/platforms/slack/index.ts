import type { PlatformFactoryInput, PlatformModule } from "../platform.js";
import { replyBudgetFromEnv } from "../reply-budget.js";
import { createBotIdentity } from "./bot-identity.js";
import { slackConfig } from "./config.js";
import { createSlackApp } from "./create-slack-app.js";
import { createGatewayClient, createSlackGateway } from "./gateway.js";
import { slackEventsRoute } from "./http-route.js";
import { register as registerActions } from "./listeners/actions/index.js";
import { register as registerCommands } from "./listeners/commands/index.js";
import { register as registerEvents } from "./listeners/events/index.js";
import { register as registerViews } from "./listeners/views/index.js";

/** The Slack adapter: Bolt app + listeners, the /slack/events route (HTTP mode) and the proactive gateway. */
export async function createSlackPlatform(input: PlatformFactoryInput): Promise<PlatformModule> {
  const { deps } = input;
  const config = slackConfig(input.env);
  const logger = deps.logger.child({ platform: "slack" });
  const replies = input.replies ?? replyBudgetFromEnv(input.env, logger);
  const client = createGatewayClient(config, logger);
  const identity = createBotIdentity(client, logger);
  const { app, http } = createSlackApp({ config, logger, botIds: identity.current });

  app.error(async (error) => {
    logger.error({ err: error }, "Slack listener failed");
  });
  registerCommands(app, deps, replies);
  registerActions(app, deps, replies);
  registerViews(app, deps, replies);
  registerEvents(app, deps);

  return {
    name: "slack",
    routes: http ? [slackEventsRoute(http, { signingSecret: config.signingSecret ?? "", logger })] : [],
    gateway: createSlackGateway(client, logger, identity.current),
    async start() {
      // Never block start-up on Slack: a slow or unreachable Slack must not stop /healthz or Teams.
      void identity.check();
      if (config.mode === "socket") {
        await app.start().catch((err: unknown) => logger.error({ err }, "Slack Socket Mode could not connect"));
      }
    },
    async stop() {
      if (config.mode === "socket") await app.stop().catch(() => {});
    },
  };
}
