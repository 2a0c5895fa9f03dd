import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import type { ReplyBudget } from "../../../reply-budget.js";
import { registerFormClosed } from "./form-closed.js";
import { registerFormSubmission } from "./form-submission.js";

export function register(app: App, deps: CoreDeps, replies: ReplyBudget): void {
  registerFormSubmission(app, deps, replies);
  registerFormClosed(app, deps);
}
