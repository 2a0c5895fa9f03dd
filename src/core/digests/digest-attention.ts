import { oneLine } from "../updates/plain-text.js";
import { RAG, type Rag, SUPPORT } from "../updates/update-form.js";
import type { TeamRow } from "./load-digest-data.js";

const RANK: Record<Rag, number> = { "on-track": 0, "at-risk": 1, "off-track": 2 };
export const RAG_ICON: Record<Rag, string> = { "on-track": "🟢", "at-risk": "🟠", "off-track": "🔴" };

export type AttentionItem = { row: TeamRow; priority: number; reasons: string[] };

/** Did the team move to at risk or off track since last month? */
export function movedWorse(row: TeamRow): boolean {
  const now = row.data.rag;
  return now !== undefined && row.previousRag !== null && RANK[now] > RANK[row.previousRag];
}

export function movedBetter(row: TeamRow): boolean {
  const now = row.data.rag;
  return now !== undefined && row.previousRag !== null && RANK[now] < RANK[row.previousRag];
}

/**
 * Teams staff should look at first, most urgent first: moved to at risk / off track since last month,
 * then off track, then support requests, then blockers. A team appears once, with all its reasons.
 */
export function attentionItems(rows: TeamRow[]): AttentionItem[] {
  const items: AttentionItem[] = [];
  for (const row of rows) {
    if (!row.submitted) continue;
    const d = row.data;
    const reasons: string[] = [];
    let priority = 9;
    if (movedWorse(row) && d.rag && row.previousRag) {
      reasons.push(`${RAG[d.rag].toLowerCase()} (was ${RAG[row.previousRag].toLowerCase()})`);
      priority = 0;
    } else if (d.rag === "off-track") {
      reasons.push("off track");
      priority = 1;
    }
    if (d.support && d.support !== "none") {
      reasons.push(`support requested (${SUPPORT[d.support]})${d.supportDetail ? `: ${clause(d.supportDetail)}` : ""}`);
      priority = Math.min(priority, 2);
    }
    if (d.blockers) {
      reasons.push(`blocker: ${clause(d.blockers)}`);
      priority = Math.min(priority, 3);
    }
    if (reasons.length > 0) items.push({ row, priority, reasons });
  }
  return items.sort((a, b) => a.priority - b.priority || a.row.team.name.localeCompare(b.row.team.name));
}

/** A reason's text cut to one short line, without a final full stop (reasons are joined with "; "). */
const clause = (text: string) => oneLine(text, 100).replace(/[.;]+$/, "");

/** Order of the team list: off track, at risk, on track, then teams with nothing submitted. */
export function teamOrder(a: TeamRow, b: TeamRow): number {
  const rank = (r: TeamRow) => (r.data.rag ? 2 - RANK[r.data.rag] : 3);
  return rank(a) - rank(b) || a.team.name.localeCompare(b.team.name);
}
