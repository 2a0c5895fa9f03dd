import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import { registerAppHomeOpened } from "./app-home-opened.js";
import { registerMessageToBot } from "./message-to-bot.js";

export function register(app: App, deps: CoreDeps): void {
  registerAppHomeOpened(app, deps);
  registerMessageToBot(app, deps);
}
