import type { CoreDeps } from "../core/deps.js";
import { buildTeamCalendar } from "../core/reminders/build-team-calendar.js";
import type { Route } from "./router.js";
import { sendJson, sendText } from "./router.js";

const PATH = /^\/calendar\/([A-Za-z0-9_-]{8,128})\.ics$/;

/**
 * GET /calendar/<team calendar token>.ics: the team's sessions and milestones as a subscribable feed.
 * The unguessable token is the only credential (calendar apps cannot log in), so an unknown or malformed
 * token is a plain 404 that says nothing about which teams exist.
 */
export function calendarRoute(deps: CoreDeps): Route {
  return {
    method: "GET",
    path: "/calendar/*",
    async handler(req, res) {
      const match = PATH.exec(new URL(req.url ?? "/", "http://localhost").pathname);
      const team = match?.[1] ? await deps.programmes.getTeamByCalendarToken(match[1]) : null;
      if (!team) {
        sendJson(res, 404, { error: "not_found" });
        return;
      }
      res.setHeader("cache-control", "private, max-age=300");
      sendText(res, 200, await buildTeamCalendar({ deps, team }), "text/calendar; charset=utf-8");
    },
  };
}
