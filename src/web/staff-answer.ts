import type { CoreDeps } from "../core/deps.js";
import { AppError, isAppError } from "../core/errors.js";
import { answerUnanswered } from "../core/faq/answer-unanswered.js";
import { loadOverview } from "../core/staff/load-overview.js";
import { readBody } from "../http/router.js";
import { errorPage, STATUS, sendPage } from "./html/send-page.js";
import { type PageNotice, renderOverviewPage } from "./pages/overview-page.js";
import type { WebSignIn } from "./sign-in.js";
import type { StaffPageContext } from "./staff-routes.js";

/**
 * POST /staff/questions/<id>/answer: the answer box under an unanswered question. CSRF first, then staff
 * only, then the core's answer flow; on success a redirect back to the overview with a note (303, so a
 * reload does not post again), on a bad answer the overview again with the reason.
 */
export async function answerQuestion(
  deps: CoreDeps,
  signIn: WebSignIn,
  { req, res, url, viewer, scope, links }: StaffPageContext,
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
export function noticeFrom(url: URL): PageNotice | undefined {
  const key = url.searchParams.get("answered");
  if (!key || !/^[a-z0-9-]{1,80}$/.test(key)) return undefined;
  return url.searchParams.get("sent") === "1"
    ? { kind: "info", text: `Saved as FAQ entry “${key}” and sent to the person who asked.` }
    : {
        kind: "info",
        text: `Saved as FAQ entry “${key}”, but it could not be sent to the person who asked: please let them know.`,
      };
}

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new AppError("not_found", "There is no such page.");
  }
}
