import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { formatLocal } from "../../core/programme/local-time.js";
import { runSchedulerTick } from "../../core/reminders/run-scheduler-tick.js";
import { loopbackOnlyRoutes } from "../../http/loopback-guard.js";
import { sendText } from "../../http/router.js";
import type { PlatformFactoryInput, PlatformModule } from "../platform.js";
import { playgroundApi } from "./api/playground-api.js";
import { createLocalGateway } from "./local-gateway.js";
import { createMessageStore } from "./message-store.js";
import { createOpenForms } from "./open-forms.js";
import { isPlaygroundClock, resumeOrStart } from "./playground-clock.js";
import { findPlaygroundProgramme, listPeople } from "./playground-directory.js";
import { renderPlaygroundPage } from "./render/render-page.js";

const asset = (name: string) => readFileSync(new URL(`./public/${name}`, import.meta.url), "utf8");
const favicon = readFileSync(new URL("./public/favicon.ico", import.meta.url));

/**
 * The local playground: a small web chat at / over the same core as Slack and Teams, with an in-memory
 * gateway (reminders and digests appear in the playground's channels) and a movable clock.
 */
export async function createLocalPlatform({ deps }: PlatformFactoryInput): Promise<PlatformModule> {
  const store = createMessageStore();
  const gateway = createLocalGateway({ store, clock: deps.clock });
  const api = playgroundApi({
    deps,
    store,
    forms: createOpenForms(),
    runTick: (d) => runSchedulerTick({ deps: d }),
  });
  const files: Record<string, { body: string; type: string }> = {
    "/playground/static/playground.js": { body: asset("playground.js"), type: "text/javascript; charset=utf-8" },
    "/playground/static/playground.css": { body: asset("playground.css"), type: "text/css; charset=utf-8" },
  };

  // A programme that has already ended would show a dead demo: start the movable clock inside it.
  const programme = await findPlaygroundProgramme(deps);
  const movable = programme !== null && isPlaygroundClock(deps.clock);
  let firstRun: Promise<void> = Promise.resolve();
  if (programme && isPlaygroundClock(deps.clock)) {
    const [firstCycle] = (await deps.programmes.listCycles(programme.id)).sort((a, b) => +a.opensAt - +b.opensAt);
    const [last] = (await deps.deliveries?.list({ programmeId: programme.id, statuses: ["sent"], limit: 1 })) ?? [];
    const { at, resumed } = resumeOrStart(
      programme,
      deps.clock.now(),
      firstCycle?.opensAt,
      last ? (last.sentAt ?? last.scheduledFor) : null,
    );
    deps.clock.jumpTo(at);
    if (resumed)
      deps.logger.info(
        `playground: the clock resumes at ${formatLocal(at, programme.timeZone)}, where this data left off`,
      );
  }

  return {
    name: "playground",
    gateway,
    // Run the scheduler once at the starting time, so what is due then (the update announcement) is in
    // the channels when the page first opens rather than after the first cron minute. In the background:
    // start-up does not wait for it (the outbox keeps it exactly-once beside the cron tick).
    start: async () => {
      if (!movable) return;
      firstRun = runSchedulerTick({ deps })
        .then(() => undefined)
        .catch((error: unknown) => deps.logger.error({ err: error }, "playground: the first scheduler run failed"));
    },
    stop: async () => {
      await firstRun;
    },
    // No login: each route answers only requests addressed to this machine (DNS rebinding, cross-site posts).
    routes: loopbackOnlyRoutes([
      { method: "GET", path: "/", handler: (req, res) => page(req, res) },
      {
        method: "GET",
        path: "/favicon.ico",
        handler: (_req, res) => {
          res.setHeader("content-type", "image/x-icon");
          res.setHeader("cache-control", "public, max-age=86400");
          res.end(favicon);
        },
      },
      { method: "*", path: "/playground/api/*", handler: api },
      {
        method: "GET",
        path: "/playground/static/*",
        handler: (req, res) => {
          const file = files[new URL(req.url ?? "/", "http://localhost").pathname];
          if (!file) return sendText(res, 404, "not found");
          res.setHeader("cache-control", "no-cache");
          sendText(res, 200, file.body, file.type);
        },
      },
    ]),
  };

  async function page(_req: IncomingMessage, res: ServerResponse): Promise<void> {
    const current = await findPlaygroundProgramme(deps);
    if (!current) {
      return sendText(res, 503, "No programme is loaded. Import one with: npm run --silent cohort -- import <file>");
    }
    const html = renderPlaygroundPage({
      programme: current,
      people: await listPeople(deps, current),
      clockLabel: formatLocal(deps.clock.now(), current.timeZone),
    });
    res.setHeader("content-security-policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    res.setHeader("x-content-type-options", "nosniff");
    sendText(res, 200, html, "text/html; charset=utf-8");
  }
}
