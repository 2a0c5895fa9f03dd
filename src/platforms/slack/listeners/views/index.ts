import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import { registerFormClosed } from "./form-closed.js";
import { registerFormSubmission } from "./form-submission.js";

export function register(app: App, deps: CoreDeps): void {
  registerFormSubmission(app, deps);
  registerFormClosed(app, deps);
}
