import { renderSvg } from "../../charts/render-svg.js";
import { cellLabel, type RagCell, ragGridSpec } from "../../charts/specs/rag-grid.js";
import type { StateName } from "../../charts/specs/theme.js";
import type { ProgrammeHistory, TeamHistory, TeamMonth } from "../../core/staff/programme-history.js";
import { monthLabel } from "../../core/updates/cycles.js";
import { RAG } from "../../core/updates/update-form.js";
import { figure, h, table } from "../html/html.js";

/** What a month looks like in the grid: the RAG name once submitted, else "Not submitted" / "Not due yet". */
export function cellState(m: TeamMonth): StateName {
  if (m.state === "submitted") return m.data.rag ? RAG[m.data.rag] : "Not due yet";
  return m.state === "missing" ? "Not submitted" : "Not due yet";
}

const cellText = (m: TeamMonth) => {
  const state = cellState(m);
  const letter = cellLabel({ state, late: m.late });
  if (m.state === "open") return m.update ? "Draft started, not due yet" : "Open, not due yet";
  if (m.state === "upcoming") return "Not open yet";
  if (m.state === "missing" && m.update) return "Not submitted (draft started)";
  return letter && state !== "Not submitted" ? `${state} (${letter})` : state;
};

/** The latest cycle whose due date has passed (the one a sentence should talk about). */
export function latestDueIndex(history: ProgrammeHistory): number {
  let index = -1;
  history.cycles.forEach((c, i) => {
    if (c.dueAt <= history.now) index = i;
  });
  return index;
}

/** Team × month RAG grid, with a sentence on the latest month and the grid again as a table. */
export async function ragGridFigure(
  history: ProgrammeHistory,
  options: { teamLink?: (key: string) => string; title?: string } = {},
): Promise<string> {
  const months = history.cycles.map((c) => c.month);
  const cells: RagCell[] = history.teams.flatMap((t) =>
    t.months.map((m) => ({ team: t.team.name, month: m.cycle.month, state: cellState(m), late: m.late })),
  );
  const alt = ragSentence(history);
  const svg = await renderSvg(ragGridSpec(cells, months, { title: options.title }), alt);
  const rows = history.teams.map((t) => [
    { html: options.teamLink ? `<a href="${h(options.teamLink(t.team.key))}">${h(t.team.name)}</a>` : h(t.team.name) },
    ...t.months.map((m) => cellText(m)),
  ]);
  return figure({
    svg,
    caption: `${alt} Letters: G on track, A at risk, R off track; “late” marks an update sent after its due date (also outlined).`,
    table: table({
      caption: "RAG status by team and month",
      head: ["Team", ...months.map(monthLabel)],
      rows,
    }),
  });
}

export function ragSentence(history: ProgrammeHistory): string {
  const teams = history.teams.length;
  const i = latestDueIndex(history);
  const cycle = history.cycles[i];
  if (!cycle) return `RAG status for ${teams} teams: no update is due yet.`;
  const count = (state: StateName) =>
    history.teams.filter((t) => t.months[i] && cellState(t.months[i]) === state).length;
  const late = history.teams.filter((t) => t.months[i]?.late).length;
  return `RAG status for ${teams} teams over ${history.cycles.length} months. ${monthLabel(cycle.month)}: ${count("On track")} on track, ${count("At risk")} at risk, ${count("Off track")} off track, ${count("Not submitted")} not submitted, ${late} late.`;
}

/** A team's RAG month by month in words ("October 2022: on track (G); November 2022: at risk (A) late; …"). */
export function ragJourneyText(team: TeamHistory): string {
  const months = team.months.filter((m) => m.state !== "upcoming" && m.state !== "open");
  return months.length
    ? months.map((m) => `${monthLabel(m.cycle.month)}: ${cellText(m).toLowerCase()}`).join("; ")
    : "no update due yet";
}

/** One team's RAG over time: the same grid with one row. */
export async function ragTimelineFigure(history: ProgrammeHistory, team: TeamHistory): Promise<string> {
  const months = history.cycles.map((c) => c.month);
  const cells = team.months.map((m) => ({ team: "RAG", month: m.cycle.month, state: cellState(m), late: m.late }));
  const described = team.months
    .filter((m) => m.state !== "upcoming" && m.state !== "open")
    .map((m) => `${monthLabel(m.cycle.month)}: ${cellText(m).toLowerCase()}`);
  const alt = described.length
    ? `RAG status by month. ${described.join("; ")}.`
    : "RAG status by month: no update is due yet.";
  const svg = await renderSvg(ragGridSpec(cells, months), alt);
  return figure({
    svg,
    caption: alt,
    table: table({
      caption: "RAG status by month",
      head: ["Month", "Status"],
      rows: team.months.map((m) => [monthLabel(m.cycle.month), cellText(m)]),
    }),
  });
}
