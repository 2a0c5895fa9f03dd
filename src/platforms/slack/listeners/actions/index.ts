import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import { registerButtonAction } from "./button-action.js";

export function register(app: App, deps: CoreDeps): void {
  registerButtonAction(app, deps);
}
