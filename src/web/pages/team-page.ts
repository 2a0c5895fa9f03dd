import { formatLocal } from "../../core/programme/local-time.js";
import type { CoachingSession } from "../../core/programme/types.js";
import type { TeamView } from "../../core/staff/load-team-view.js";
import { ragTimelineFigure } from "../figures/rag-figure.js";
import { runChartFigure, teamSpendFigure } from "../figures/team-figures.js";
import { h, pounds } from "../html/html.js";
import { layout } from "../html/layout.js";
import type { StaffLinks } from "./links.js";
import { updateArticle } from "./update-details.js";

/** GET /staff/teams/<key>: one team's run chart, RAG timeline, spend, every update and its sessions. */
export async function renderTeamPage(input: { view: TeamView; links: StaffLinks }): Promise<string> {
  const { view: v, links } = input;
  const { scope, team, history } = v;
  const tz = scope.programme.timeZone;
  const months = history.months.map((m) => m.cycle.month);
  const sessions = (list: CoachingSession[], empty: string) =>
    list.length
      ? `<ul class="plain">${list.map((s) => `<li>${h(formatLocal(s.startsAt, tz))}: ${h(s.title)}${s.coach ? ` (${h(s.coach)})` : ""}${s.teamId ? "" : " — programme-wide"}</li>`).join("")}</ul>`
      : `<p class="empty">${h(empty)}</p>`;
  const body = `
<p><a href="${h(links.overview)}">← Programme overview</a></p>
<h1>${h(team.name)}</h1>
<p class="lede">${h([team.borough, v.coach ? `QI coach: ${v.coach.name}` : "", `Grant awarded: ${pounds(team.award)}`].filter(Boolean).join(" · "))}</p>
${team.project ? `<p>${h(team.project)}</p>` : ""}

<h2 id="measure">Run chart</h2>
${await runChartFigure(v.measure, months)}

<h2 id="rag">RAG timeline</h2>
${await ragTimelineFigure(v.programmeHistory, history)}

<h2 id="spend">Spend</h2>
${await teamSpendFigure(v.spend, team.award)}

<h2 id="updates">Updates</h2>
<p>Newest first. Each update keeps every saved version and who saved it.</p>
${[...history.months]
  .reverse()
  .map((m) => updateArticle(m, m.update ? (v.versions.get(m.update.id) ?? []) : [], v.names, tz))
  .join("\n")}

<h2 id="sessions">Coaching sessions</h2>
<p class="note">Attendance is not recorded; past sessions are those already held.</p>
<h3>Upcoming</h3>
${sessions(v.sessions.upcoming, "No upcoming sessions.")}
<h3>Past</h3>
${sessions([...v.sessions.past].reverse(), "No sessions held yet.")}
`;
  return layout({
    title: `${team.name} · ${scope.programme.name}`,
    brand: scope.programme.name,
    who: `Signed in as ${scope.member.name} (${scope.role === "staff" ? "programme staff" : "QI coach"})`,
    nav: [
      { href: links.overview, label: "Overview" },
      ...(scope.wholeProgramme ? [{ href: links.report, label: "Programme report" }] : []),
    ],
    body,
    css: "link",
  });
}
