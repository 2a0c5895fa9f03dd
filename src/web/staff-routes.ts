import type { IncomingMessage, ServerResponse } from "node:http";
import type { CoreDeps } from "../core/deps.js";
import { AppError, isAppError } from "../core/errors.js";
import { loadOverview } from "../core/staff/load-overview.js";
import { loadTeamView } from "../core/staff/load-team-view.js";
import { resolveStaffScope, type StaffScope, teamInScope } from "../core/staff/staff-scope.js";
import { type Route, sendText } from "../http/router.js";
import { signOutForm } from "./auth/sign-out-form.js";
import { errorPage, PAGE_HEADERS, STATUS, sendPage } from "./html/send-page.js";
import { STAFF_CSS } from "./html/staff-css.js";
import { type StaffLinks, staffLinks } from "./pages/links.js";
import { renderOverviewPage } from "./pages/overview-page.js";
import { renderTeamPage } from "./pages/team-page.js";
import { renderProgrammeReport } from "./report/render-report.js";
import type { WebSignIn, WebViewer } from "./sign-in.js";
import { answerQuestion, decodeSegment, noticeFrom } from "./staff-answer.js";

export type StaffPageContext = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  viewer: WebViewer;
  scope: StaffScope;
  links: StaffLinks;
};

/**
 * The staff pages: GET /staff (overview), GET /staff/teams/<key>, GET /staff/report, and the answer
 * form. Every request is checked from scratch: who the sign-in method says is looking, then their role
 * in the programme (staff: everything; coach: their teams; member: 403; another programme: 404).
 */
export function staffRoutes({ deps, signIn }: { deps: CoreDeps; signIn: WebSignIn }): Route[] {
  const guarded =
    (handler: (ctx: StaffPageContext) => Promise<void>) =>
    async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const viewer = await signIn.viewer(req, url);
      if (!viewer) return signIn.challenge(req, res, url.pathname + url.search);
      try {
        const scope = await resolveStaffScope({
          deps,
          identity: viewer.identity,
          programmeSlug: url.searchParams.get("programme") ?? undefined,
        });
        const keep = new URLSearchParams();
        if (viewer.via === "playground" && url.searchParams.get("as"))
          keep.set("as", url.searchParams.get("as") as string);
        if (url.searchParams.get("programme")) keep.set("programme", url.searchParams.get("programme") as string);
        await handler({ req, res, url, viewer, scope, links: staffLinks(keep) });
      } catch (error) {
        if (!isAppError(error)) throw error;
        const status = STATUS[error.code] ?? 500;
        sendPage(res, status, errorPage(error.userMessage, status, status === 403 ? wayBack(viewer) : ""));
      }
    };

  return [
    {
      method: "GET",
      path: "/staff/static/staff.css",
      handler: (_req, res) => {
        res.setHeader("cache-control", "no-cache");
        res.setHeader("x-content-type-options", "nosniff");
        sendText(res, 200, STAFF_CSS, "text/css; charset=utf-8");
      },
    },
    ...signIn.routes,
    {
      method: "GET",
      path: "/staff",
      handler: guarded(async ({ res, url, viewer, scope, links }) => {
        const overview = await loadOverview(deps, scope);
        sendPage(
          res,
          200,
          await renderOverviewPage({ overview, links, csrfToken: viewer.csrfToken, notice: noticeFrom(url) }),
        );
      }),
    },
    {
      method: "GET",
      path: "/staff/teams/*",
      handler: guarded(async ({ res, url, scope, links }) => {
        const key = decodeSegment(url.pathname.slice("/staff/teams/".length));
        const team = await teamInScope(deps, scope, key);
        sendPage(res, 200, await renderTeamPage({ view: await loadTeamView(deps, scope, team), links }));
      }),
    },
    {
      method: "GET",
      path: "/staff/report",
      handler: guarded(async ({ res, scope }) => {
        if (!scope.wholeProgramme) throw new AppError("forbidden", "The programme report is for programme staff.");
        const html = await renderProgrammeReport({ deps, programme: scope.programme });
        res.writeHead(200, {
          ...PAGE_HEADERS,
          // The report inlines its stylesheet and has no scripts.
          "content-security-policy":
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'",
          "content-disposition": `inline; filename="${scope.programme.slug}-report.html"`,
        });
        res.end(html);
      }),
    },
    {
      method: "POST",
      path: "/staff/questions/*",
      handler: guarded(async (ctx) => answerQuestion(deps, signIn, ctx)),
    },
  ];
}

/**
 * A member refused the staff pages needs a way on: in the playground, back to the chat or pick someone
 * else; signed in with Slack or Microsoft, sign out (to sign in as another account).
 */
function wayBack(viewer: WebViewer): string {
  if (viewer.via === "playground")
    return '<p><a href="/">Back to the playground</a> · <a href="/staff/sign-in">Open the staff pages as someone else</a></p>';
  return signOutForm(viewer);
}
