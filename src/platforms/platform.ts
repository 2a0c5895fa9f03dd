import type { Env } from "../config/env.js";
import type { CoreDeps } from "../core/deps.js";
import type { ChatGateway } from "../core/ports/chat-gateway.js";
import type { Route } from "../http/router.js";
import type { ReplyBudget } from "./reply-budget.js";

/** What a platform adapter contributes to the server: routes, a proactive gateway, start/stop hooks. */
export type PlatformModule = {
  name: string;
  routes: Route[];
  gateway?: ChatGateway;
  start?(): Promise<void>;
  stop?(): Promise<void>;
};

/** `replies`: one per server, shared by every platform; a platform built alone makes its own from env. */
export type PlatformFactoryInput = { env: Env; deps: CoreDeps; replies?: ReplyBudget };
