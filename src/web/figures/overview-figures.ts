import { renderSvg } from "../../charts/render-svg.js";
import { peopleChart } from "../../charts/specs/people.js";
import { SPEND_KEY, spendChart } from "../../charts/specs/spend.js";
import { submissionsChart } from "../../charts/specs/submissions.js";
import type { CycleSubmissions, PeopleMonth, spendToDate } from "../../core/staff/overview-figures.js";
import { monthLabel } from "../../core/updates/cycles.js";
import { figure, h, pounds, table } from "../html/html.js";

export async function submissionsFigure(rows: CycleSubmissions[]): Promise<string> {
  const due = rows.filter((r) => r.onTime + r.late + r.missing > 0);
  const alt = due.length
    ? `Submissions per cycle. ${due.map((r) => `${monthLabel(r.month)}: ${r.onTime} on time, ${r.late} late, ${r.missing} missing`).join("; ")}.`
    : "Submissions per cycle: no update is due yet.";
  return figure({
    svg: await renderSvg(submissionsChart(rows), alt),
    caption: alt,
    table: table({
      caption: "Submissions per cycle",
      head: ["Cycle", "On time", "Late", "Missing", "Not due yet"],
      rows: rows.map((r) => [monthLabel(r.month), r.onTime, r.late, r.missing, r.notDue]),
    }),
  });
}

type Spend = ReturnType<typeof spendToDate>;

const gap = (spent: number, expected: number) =>
  spent === expected
    ? "on the line"
    : spent > expected
      ? `${pounds(spent - expected)} ahead`
      : `${pounds(expected - spent)} behind`;

/** The programme total against its funding, then every team against its award; one table for both. */
export async function spendFigures(
  spend: Spend,
  options: { teamLink?: (key: string) => string; totalLabel?: string } = {},
) {
  const share = spend.funding > 0 ? Math.round((spend.spent / spend.funding) * 100) : 0;
  const totalAlt = `${pounds(spend.spent)} of ${pounds(spend.funding)} spent to date (${share}%); the pro-rata line is ${pounds(spend.expected)} (${gap(spend.spent, spend.expected)}).`;
  const total = figure({
    svg: await renderSvg(
      spendChart([
        { name: options.totalLabel ?? "Programme", spent: spend.spent, award: spend.funding, expected: spend.expected },
      ]),
      totalAlt,
    ),
    caption: `${totalAlt} ${SPEND_KEY}`,
    table: table({
      caption: "Programme spend to date",
      head: ["", "Spent", "Funding", "Pro-rata line"],
      rows: [[options.totalLabel ?? "Programme", pounds(spend.spent), pounds(spend.funding), pounds(spend.expected)]],
    }),
  });
  const behind = spend.teams.filter((t) => t.spent < t.expected).length;
  const teamsAlt = `Grant spent to date by team: ${behind} of ${spend.teams.length} teams are below the pro-rata line (${Math.round(spend.fraction * 100)}% of each award, as ${Math.round(spend.fraction * 100)}% of the programme has passed).`;
  const teams = figure({
    svg: await renderSvg(
      spendChart(spend.teams.map((t) => ({ name: t.team.name, spent: t.spent, award: t.award, expected: t.expected }))),
      teamsAlt,
    ),
    caption: `${teamsAlt} ${SPEND_KEY}`,
    table: table({
      caption: "Grant spent to date by team",
      head: ["Team", "Spent", "Award", "Pro-rata line", "Against the line", "Last reported"],
      rows: spend.teams.map((t) => [
        {
          html: options.teamLink
            ? `<a href="${h(options.teamLink(t.team.key))}">${h(t.team.name)}</a>`
            : h(t.team.name),
        },
        pounds(t.spent),
        pounds(t.award),
        pounds(t.expected),
        gap(t.spent, t.expected),
        t.asOf ? monthLabel(t.asOf) : "never",
      ]),
    }),
  });
  return { total, teams };
}

export async function peopleFigure(rows: PeopleMonth[], months: string[]): Promise<string> {
  const total = rows.at(-1)?.cumulative ?? 0;
  const best = [...rows].sort((a, b) => b.people - a.people)[0];
  const alt =
    total > 0 && best
      ? `${total.toLocaleString("en-GB")} people supported in total; the most in one month was ${best.people.toLocaleString("en-GB")} in ${monthLabel(best.month)}.`
      : "No people supported reported yet.";
  return figure({
    svg: await renderSvg(peopleChart(rows, months), alt),
    caption: `${alt} Bars: people supported that month (left axis). Line with squares: running total (right axis).`,
    table: table({
      caption: "People supported per month",
      head: ["Month", "People this month", "Running total", "Teams reporting"],
      rows: rows.map((r) => [monthLabel(r.month), r.people, r.cumulative, r.reporting]),
    }),
  });
}
