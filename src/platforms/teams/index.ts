import { platformsConfigured } from "../../config/env.js";
import { loopbackOnly } from "../../http/loopback-guard.js";
import type { PlatformFactoryInput, PlatformModule } from "../platform.js";
import { replyBudgetFromEnv } from "../reply-budget.js";
import { createTeamsGateway } from "./gateway.js";
import { registerCardAction } from "./handlers/card-action.js";
import { registerConversationEvents } from "./handlers/conversation-events.js";
import { registerDialogOpen } from "./handlers/dialog-open.js";
import { registerDialogSubmit } from "./handlers/dialog-submit.js";
import { registerMessage } from "./handlers/message.js";
import { createConversationMemory } from "./remember-conversation.js";
import { sdkLogger } from "./sdk-logger.js";
import { SharedServerAdapter } from "./shared-server-adapter.js";
import { CohortTeamsApp } from "./teams-app.js";

export const TEAMS_PATH = "/api/messages";
const DEFAULT_SERVICE_URL = "https://smba.trafficmanager.net/teams";

/**
 * Microsoft Teams on Teams SDK v2, served on our HTTP server at POST /api/messages. With CLIENT_ID,
 * CLIENT_SECRET and TENANT_ID the SDK validates every Bot Framework JWT (no Authorization header → 401
 * before any network call; keys are fetched lazily, so start-up never waits on Microsoft). Without them,
 * requests are accepted only with TEAMS_ALLOW_UNAUTHENTICATED=true, which env.ts refuses in production.
 */
export async function createTeamsPlatform({ env, deps, replies }: PlatformFactoryInput): Promise<PlatformModule> {
  const { teamsAuth } = platformsConfigured(env);
  const logger = deps.logger.child({ platform: "teams" });
  const adapter = new SharedServerAdapter(logger);
  const app = new CohortTeamsApp({
    // Passed explicitly (never read by the SDK from process.env) so tests and env.ts stay in charge.
    clientId: teamsAuth ? env.CLIENT_ID : undefined,
    clientSecret: teamsAuth ? env.CLIENT_SECRET : undefined,
    tenantId: teamsAuth ? env.TENANT_ID : undefined,
    dangerouslyAllowUnauthenticatedRequests: !teamsAuth && env.TEAMS_ALLOW_UNAUTHENTICATED === true,
    httpServerAdapter: adapter,
    messagingEndpoint: TEAMS_PATH,
    serviceUrl: DEFAULT_SERVICE_URL,
    logger: sdkLogger(logger),
    // A slow connector must not hold a user's request (Teams gives up after 15 s) or the outbox forever.
    client: { timeout: 10_000 },
  });
  const handlerDeps = {
    app,
    deps: { ...deps, logger },
    remember: createConversationMemory(deps),
    replies: replies ?? replyBudgetFromEnv(env, logger),
  };
  registerMessage(handlerDeps);
  registerDialogOpen(handlerDeps);
  registerDialogSubmit(handlerDeps);
  registerCardAction(handlerDeps);
  registerConversationEvents(handlerDeps);
  app.event("error", ({ error }) => logger.error({ err: error }, "teams activity failed"));
  // Registers the messaging route with our adapter and sets up the JWT validator; no network.
  await app.initialize();

  return {
    name: "teams",
    // Without credentials nothing proves who is calling: answer only requests addressed to this machine.
    routes: [teamsAuth ? adapter.route(TEAMS_PATH) : loopbackOnly(adapter.route(TEAMS_PATH))],
    gateway: createTeamsGateway({ app, deps, defaultServiceUrl: DEFAULT_SERVICE_URL }),
  };
}
