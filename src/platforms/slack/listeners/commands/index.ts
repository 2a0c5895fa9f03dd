import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import { registerCohortCommand } from "./cohort-command.js";

export function register(app: App, deps: CoreDeps): void {
  registerCohortCommand(app, deps);
}
