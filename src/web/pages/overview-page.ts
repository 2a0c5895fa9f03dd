import { formatLocal } from "../../core/programme/local-time.js";
import type { Overview } from "../../core/staff/load-overview.js";
import { RAG_LETTER } from "../../core/staff/overview-figures.js";
import { monthLabel } from "../../core/updates/cycles.js";
import { peopleFigure, spendFigures, submissionsFigure } from "../figures/overview-figures.js";
import { latestDueIndex, ragGridFigure } from "../figures/rag-figure.js";
import { h, pounds, table } from "../html/html.js";
import { layout } from "../html/layout.js";
import { deliveryLogSection } from "./delivery-log-section.js";
import type { StaffLinks } from "./links.js";
import { questionsSection } from "./questions-section.js";

export type PageNotice = { kind: "info" | "error"; text: string };

/** GET /staff: the programme at a glance for staff, or a coach's own teams. */
export async function renderOverviewPage(input: {
  overview: Overview;
  links: StaffLinks;
  csrfToken: string;
  notice?: PageNotice;
}): Promise<string> {
  const { overview: o, links } = input;
  const { scope, history } = o;
  const tz = scope.programme.timeZone;
  const teamLink = (key: string) => links.team(key);
  const spend = await spendFigures(o.spend, {
    teamLink,
    totalLabel: scope.wholeProgramme ? "Programme" : "Your teams",
  });
  const due = latestDueIndex(history);
  const submittedLatest = due >= 0 ? o.submissions[due] : undefined;
  const intro = scope.wholeProgramme
    ? `All ${history.teams.length} teams, as of ${formatLocal(history.now, tz)}.`
    : `The ${history.teams.length} team${history.teams.length === 1 ? "" : "s"} you coach, as of ${formatLocal(history.now, tz)}.`;

  const body = `
${input.notice ? `<p class="notice${input.notice.kind === "error" ? " error" : ""}" role="${input.notice.kind === "error" ? "alert" : "status"}">${h(input.notice.text)}</p>` : ""}
<h1>Programme overview</h1>
<p class="lede">${h(intro)}</p>
<ul class="tiles" aria-label="Key figures">
  <li><span class="figure">${history.teams.length}</span> <span class="label">teams</span></li>
  <li><span class="figure">${submittedLatest ? `${submittedLatest.onTime + submittedLatest.late} of ${history.teams.length}` : "—"}</span> <span class="label">submitted for ${h(due >= 0 ? monthLabel(history.cycles[due]?.month ?? "") : "the first cycle (not due yet)")}</span></li>
  <li><span class="figure">${pounds(o.spend.spent)}</span> <span class="label">spent of ${pounds(o.spend.funding)}</span></li>
  <li><span class="figure">${(o.people.at(-1)?.cumulative ?? 0).toLocaleString("en-GB")}</span> <span class="label">people supported</span></li>
  <li><span class="figure">${o.open.length}</span> <span class="label">open support requests and blockers</span></li>
  ${scope.wholeProgramme ? `<li><span class="figure">${o.unanswered.length}</span> <span class="label">unanswered questions</span></li>` : ""}
</ul>
${scope.wholeProgramme ? `<p><a href="${h(links.report)}">Programme report</a> (one HTML file to keep, share or print to PDF)</p>` : ""}

<h2 id="rag">RAG status by month</h2>
${history.teams.length ? await ragGridFigure(history, { teamLink }) : '<p class="empty">No teams to show.</p>'}

<h2 id="submissions">Submissions per cycle</h2>
${await submissionsFigure(o.submissions)}

<h2 id="spend">Grant spent to date</h2>
${spend.total}
${history.teams.length ? spend.teams : ""}

<h2 id="people">People supported</h2>
${await peopleFigure(
  o.people,
  history.cycles.map((c) => c.month),
)}

<h2 id="attention">Open support requests and blockers</h2>
${openItems(o, teamLink)}

${scope.wholeProgramme ? questionsSection(o, links, input.csrfToken) : ""}

${deliveryLogSection(o, tz)}

<h2 id="teams">Teams</h2>
<ul class="plain">${history.teams.map((t) => `<li><a href="${h(teamLink(t.team.key))}">${h(t.team.name)}</a>${t.team.borough ? ` (${h(t.team.borough)})` : ""}</li>`).join("")}</ul>
`;
  return layout({
    title: `Programme overview · ${scope.programme.name}`,
    brand: scope.programme.name,
    who: `Signed in as ${scope.member.name} (${scope.role === "staff" ? "programme staff" : "QI coach"})`,
    nav: [
      { href: links.overview, label: "Overview", current: true },
      ...(scope.wholeProgramme ? [{ href: links.report, label: "Programme report" }] : []),
    ],
    body,
    css: "link",
  });
}

function openItems(o: Overview, teamLink: (key: string) => string): string {
  if (o.open.length === 0)
    return '<p class="empty">No team lists a support request or blocker in its latest update.</p>';
  return `<p>From each team's latest update, most urgent first: off track, then at risk, then the longest open.</p>
<div class="table-wrap">${table({
    caption: "Open support requests and blockers",
    head: ["Team", "Status", "Kind", "Open since", "What they said"],
    rows: o.open.map((item) => [
      { html: `<a href="${h(teamLink(item.team.key))}">${h(item.team.name)}</a>` },
      {
        html: item.rag
          ? `<span class="rag rag-${RAG_LETTER[item.rag]}">${RAG_LETTER[item.rag]}</span> ${h(item.rag.replace("-", " "))}`
          : "—",
      },
      item.kind === "support" ? "Support request" : "Blocker",
      item.since === item.month
        ? monthLabel(item.since)
        : `${monthLabel(item.since)} (still open in ${monthLabel(item.month)})`,
      item.text,
    ]),
  })}</div>`;
}
