import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import type { ReplyBudget } from "../../../reply-budget.js";
import { registerButtonAction } from "./button-action.js";

export function register(app: App, deps: CoreDeps, replies: ReplyBudget): void {
  registerButtonAction(app, deps, replies);
}
