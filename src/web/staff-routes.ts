import type { IncomingMessage, ServerResponse } from "node:http";
import type { CoreDeps } from "../core/deps.js";
import { AppError, GENERIC_FAILURE, isAppError } from "../core/errors.js";
import { answerUnanswered } from "../core/faq/answer-unanswered.js";
import { loadOverview } from "../core/staff/load-overview.js";
import { loadTeamView } from "../core/staff/load-team-view.js";
import { resolveStaffScope, type StaffScope, teamInScope } from "../core/staff/staff-scope.js";
import { type Route, readBody, sendText } from "../http/router.js";
import { h } from "./html/html.js";
import { layout } from "./html/layout.js";
import { STAFF_CSS } from "./html/staff-css.js";
import { type StaffLinks, staffLinks } from "./pages/links.js";
import { type PageNotice, renderOverviewPage } from "./pages/overview-page.js";
import { renderTeamPage } from "./pages/team-page.js";
import { renderProgrammeReport } from "./report/render-report.js";
import type { WebSignIn, WebViewer } from "./sign-in.js";

type Ctx = {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  viewer: WebViewer;
  scope: StaffScope;
  links: StaffLinks;
};

/** Private pages: no caching, no framing, no scripts at all, styles from this server only. */
const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy":
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
};

const STATUS: Partial<Record<AppError["code"], number>> = {
  not_a_member: 403,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  conflict: 409,
  unavailable: 503,
};

/**
 * The staff pages: GET /staff (overview), GET /staff/teams/<key>, GET /staff/report, and the answer
 * form. Every request is checked from scratch: who the sign-in method says is looking, then their role
 * in the programme (staff: everything; coach: their teams; member: 403; another programme: 404).
 */
export function staffRoutes({ deps, signIn }: { deps: CoreDeps; signIn: WebSignIn }): Route[] {
  const guarded =
    (handler: (ctx: Ctx) => Promise<void>) =>
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
        sendPage(res, STATUS[error.code] ?? 500, errorPage(error.userMessage, STATUS[error.code] ?? 500));
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

async function answerQuestion(
  deps: CoreDeps,
  signIn: WebSignIn,
  { req, res, url, viewer, scope, links }: Ctx,
): Promise<void> {
  const match = url.pathname.match(/^\/staff\/questions\/([^/]+)\/answer$/);
  if (!match) throw new AppError("not_found", "There is no such page.");
  const form = new URLSearchParams(await readBody(req, 20_000));
  if (!signIn.verifyCsrf(viewer, form.get("_csrf") ?? undefined)) {
    return sendPage(
      res,
      403,
      errorPage(
        "This form has expired or did not come from the staff pages. Go back, reload the page and try again.",
        403,
      ),
    );
  }
  if (!scope.wholeProgramme) throw new AppError("forbidden", "Only programme staff can answer questions.");
  try {
    const result = await answerUnanswered({
      deps,
      programmeId: scope.programme.id,
      questionId: decodeSegment(match[1] as string),
      answer: form.get("answer") ?? "",
      by: { id: scope.member.id, name: scope.member.name },
    });
    const target = new URL(links.overview, "http://localhost");
    target.searchParams.set("answered", result.entry.key);
    target.searchParams.set("sent", result.delivered ? "1" : "0");
    res.writeHead(303, { location: `${target.pathname}${target.search}#questions` });
    res.end();
  } catch (error) {
    if (!isAppError(error) || (error.code !== "invalid_input" && error.code !== "not_found")) throw error;
    const overview = await loadOverview(deps, scope);
    const html = await renderOverviewPage({
      overview,
      links,
      csrfToken: viewer.csrfToken,
      notice: { kind: "error", text: `The answer was not saved: ${error.userMessage}` },
    });
    sendPage(res, STATUS[error.code] ?? 400, html);
  }
}

/** The note after an answer (from the redirect's query: a FAQ key, never free text). */
function noticeFrom(url: URL): PageNotice | undefined {
  const key = url.searchParams.get("answered");
  if (!key || !/^[a-z0-9-]{1,80}$/.test(key)) return undefined;
  return url.searchParams.get("sent") === "1"
    ? { kind: "info", text: `Saved as FAQ entry “${key}” and sent to the person who asked.` }
    : {
        kind: "info",
        text: `Saved as FAQ entry “${key}”, but it could not be sent to the person who asked: please let them know.`,
      };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AppError("not_found", "There is no such page.");
  }
}

function sendPage(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, PAGE_HEADERS);
  res.end(html);
}

function errorPage(message: string, status: number): string {
  const title =
    status === 403
      ? "Not allowed"
      : status === 404
        ? "Not found"
        : status >= 500
          ? "Something went wrong"
          : "Cannot do that";
  return layout({
    title: `${title} · Cohort Bot staff pages`,
    brand: "Cohort Bot staff pages",
    body: `<h1>${h(title)}</h1><p>${h(status >= 500 && !message ? GENERIC_FAILURE : message)}</p>`,
    css: "link",
  });
}
