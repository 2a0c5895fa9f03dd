import type { CoreDeps } from "../../core/deps.js";
import { formatLocal } from "../../core/programme/local-time.js";
import type { Programme } from "../../core/programme/types.js";
import { measureSeries } from "../../core/staff/measure-series.js";
import { peoplePerMonth, spendToDate, submissionsPerCycle } from "../../core/staff/overview-figures.js";
import { loadProgrammeHistory, type TeamHistory } from "../../core/staff/programme-history.js";
import { type Dated, teamStory } from "../../core/staff/team-story.js";
import { monthLabel } from "../../core/updates/cycles.js";
import { peopleFigure, spendFigures, submissionsFigure } from "../figures/overview-figures.js";
import { ragGridFigure, ragJourneyText } from "../figures/rag-figure.js";
import { runChartFigure } from "../figures/team-figures.js";
import { h, pounds } from "../html/html.js";
import { layout } from "../html/layout.js";

/**
 * The end-of-programme report: ONE self-contained HTML file (inline stylesheet, charts as inline SVG, no
 * scripts, no external requests) that prints cleanly to PDF: the programme summary, then one section
 * per team starting on a new page. A team's RAG journey is a sentence there: the summary's grid already
 * draws every team's, and one chart fewer per team halves the report for a large cohort.
 */
export async function renderProgrammeReport({
  deps,
  programme,
}: {
  deps: CoreDeps;
  programme: Programme;
}): Promise<string> {
  const history = await loadProgrammeHistory({ deps, programme });
  const months = history.cycles.map((c) => c.month);
  const spend = spendToDate(history);
  const people = peoplePerMonth(history);
  const figures = await spendFigures(spend);
  const sections: string[] = [];
  for (const [i, t] of history.teams.entries()) sections.push(await teamSection(t, i, months));
  const period = `${formatLocal(programme.startsOn, programme.timeZone, false)} to ${formatLocal(programme.endsOn, programme.timeZone, false)}`;
  const body = `
<section class="report-cover">
<h1>${h(programme.name)}: end-of-programme report</h1>
<p class="lede">${h([programme.organisation, period].filter(Boolean).join(" · "))}</p>
<p>Figures as of ${h(formatLocal(history.now, programme.timeZone))}, from the teams' monthly progress updates.</p>
</section>

<h2 id="summary">Programme summary</h2>
<ul class="tiles" aria-label="Key figures">
  <li><span class="figure">${history.teams.length}</span> <span class="label">teams</span></li>
  <li><span class="figure">${pounds(spend.awarded)}</span> <span class="label">grant awarded (of ${pounds(spend.funding)} funding)</span></li>
  <li><span class="figure">${pounds(spend.spent)}</span> <span class="label">grant spent, as last reported</span></li>
  <li><span class="figure">${(people.at(-1)?.cumulative ?? 0).toLocaleString("en-GB")}</span> <span class="label">people supported</span></li>
</ul>
<nav aria-label="Teams in this report" class="no-print"><h3>Teams</h3><ol>${history.teams.map((t, i) => `<li><a href="#team-${i + 1}">${h(t.team.name)}</a></li>`).join("")}</ol></nav>

<h3>RAG journey</h3>
${await ragGridFigure(history)}

<h3>Submissions</h3>
${await submissionsFigure(submissionsPerCycle(history))}

<h3>Grant spent</h3>
${figures.total}
${figures.teams}

<h3>People supported</h3>
${await peopleFigure(people, months)}

${sections.join("\n")}
`;
  return layout({
    title: `${programme.name}: end-of-programme report`,
    brand: `${programme.name} · end-of-programme report`,
    body,
    css: "inline",
  });
}

const list = (items: Dated[], empty: string, extra?: (item: Dated) => string) =>
  items.length
    ? `<ul class="plain">${items.map((d) => `<li><strong>${h(monthLabel(d.month))}:</strong> ${h(d.text)}${extra ? h(extra(d)) : ""}</li>`).join("")}</ul>`
    : `<p class="empty">${h(empty)}</p>`;

async function teamSection(t: TeamHistory, i: number, months: string[]): Promise<string> {
  const story = teamStory(t);
  const latest = [...t.months].reverse().find((m) => m.state === "submitted");
  const facts = [
    t.team.borough,
    `grant ${pounds(t.team.award)}`,
    t.latestSpend
      ? `spent ${pounds(t.latestSpend.amount)} (as of ${monthLabel(t.latestSpend.month)})`
      : "no spend reported",
    `${t.peopleTotal.toLocaleString("en-GB")} people supported`,
  ].filter(Boolean);
  return `<section class="team-section" id="team-${i + 1}" aria-labelledby="team-${i + 1}-h">
<h2 id="team-${i + 1}-h">${h(t.team.name)}</h2>
<p class="lede">${h(facts.join(" · "))}</p>
${t.team.project ? `<h3>Project</h3><p>${h(t.team.project)}</p>` : ""}
${latest?.data.progress ? `<h3>Latest progress (${h(monthLabel(latest.cycle.month))})</h3><p>${h(latest.data.progress)}</p>` : ""}
${await runChartFigure(measureSeries(t), months)}
<h3>RAG journey</h3>
<p>${h(ragJourneyText(t))}.</p>
<h3>What they tested (PDSA cycles)</h3>
${list(story.pdsa, "No PDSA cycles recorded in the updates.")}
<h3>Wins</h3>
${list(story.wins, "No wins recorded in the updates.")}
<h3>Blockers overcome</h3>
${list(story.overcome, "No blocker reported and later cleared.", (d) => `; no longer reported in ${monthLabel((d as Dated & { clearedBy: string }).clearedBy)}`)}
${story.stillOpen.length ? `<h3>Blockers still open at the last update</h3>${list(story.stillOpen, "")}` : ""}
<h3>Support they asked for</h3>
${list(story.support, "No support requested.")}
</section>`;
}
