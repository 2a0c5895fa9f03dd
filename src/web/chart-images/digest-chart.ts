import { renderSvg } from "../../charts/render-svg.js";
import { ragGridSpec } from "../../charts/specs/rag-grid.js";
import { stackedCountsChart } from "../../charts/specs/stacked-counts.js";
import { STATE_COLOURS } from "../../charts/specs/theme.js";
import { svgToPng } from "../../charts/svg-to-png.js";
import type { CoreDeps } from "../../core/deps.js";
import { loadProgrammeHistory } from "../../core/staff/programme-history.js";
import { monthLabel } from "../../core/updates/cycles.js";
import { cellState, ragSentence } from "../figures/rag-figure.js";

/** Beyond this many teams the grid would be taller than a chat client shows; the picture becomes counts. */
const GRID_MAX_TEAMS = 30;

/**
 * The digest's picture: the team × month RAG grid up to the digest's month (or, for a large cohort, the
 * count of teams in each status per month), as a PNG. Null when the programme or month is unknown.
 */
export async function renderDigestChart(
  deps: CoreDeps,
  input: { programmeId: string; month: string },
): Promise<Buffer | null> {
  const programme = await deps.programmes.getProgramme(input.programmeId);
  if (!programme) return null;
  const full = await loadProgrammeHistory({ deps, programme });
  const upTo = full.cycles.findIndex((c) => c.month === input.month);
  if (upTo < 0) return null;
  const history = {
    ...full,
    cycles: full.cycles.slice(0, upTo + 1),
    teams: full.teams.map((t) => ({ ...t, months: t.months.slice(0, upTo + 1) })),
  };
  const months = history.cycles.map((c) => c.month);
  const title = `${programme.name}: RAG status to ${monthLabel(input.month)}`;
  const alt = ragSentence(history);
  if (history.teams.length <= GRID_MAX_TEAMS) {
    const cells = history.teams.flatMap((t) =>
      t.months.map((m) => ({ team: t.team.name, month: m.cycle.month, state: cellState(m), late: m.late })),
    );
    return await svgToPng(await renderSvg(ragGridSpec(cells, months, { title }), alt));
  }
  const states = ["On track", "At risk", "Off track", "Not submitted", "Not due yet"] as const;
  const rows = history.cycles.map((c, i) => ({
    month: c.month,
    counts: states.map((s) => history.teams.filter((t) => t.months[i] && cellState(t.months[i]) === s).length),
  }));
  const words = ["on track", "at risk", "off track", "none", "not due"];
  const chart = stackedCountsChart({
    rows,
    kinds: states.map((s, i) => ({ name: s, word: words[i] as string, colour: STATE_COLOURS[s] })),
    axisTitle: "Teams",
    title,
  });
  return await svgToPng(await renderSvg(chart, alt));
}
