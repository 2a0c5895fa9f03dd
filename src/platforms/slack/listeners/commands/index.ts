import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import type { ReplyBudget } from "../../../reply-budget.js";
import { registerCohortCommand } from "./cohort-command.js";

export function register(app: App, deps: CoreDeps, replies: ReplyBudget): void {
  registerCohortCommand(app, deps, replies);
}
