import type { App } from "@slack/bolt";
import type { CoreDeps } from "../../../../core/deps.js";
import { buildHome, buildStrangerHome } from "../../../../core/home/build-home.js";
import { resolveActor } from "../../../../core/programme/resolve-actor.js";
import { renderBlocks } from "../../render/render-message.js";
import { slackIdentity } from "../../slack-identity.js";

type HomeView = Parameters<App["client"]["views"]["publish"]>[0]["view"];

/** Opening the app's Home tab publishes a fresh view from the core's home screen. */
export function registerAppHomeOpened(app: App, deps: CoreDeps): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    if (!(await deps.inbound.firstTime(`slack:event:${body.event_id}`))) return;
    const actor = await resolveActor(deps, slackIdentity(event.user));
    const home = actor ? await buildHome({ deps, actor }) : buildStrangerHome();
    const view = { type: "home", blocks: renderBlocks(home.blocks).slice(0, 100) };
    await client.views.publish({ user_id: event.user, view: view as unknown as HomeView });
  });
}
