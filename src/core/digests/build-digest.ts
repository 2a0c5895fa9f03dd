import type { CoreDeps } from "../deps.js";
import type { Block, Button, Message, RichText } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import { monthLabel } from "../updates/cycles.js";
import { oneLine } from "../updates/plain-text.js";
import { pounds } from "../updates/update-form.js";
import { attentionItems, movedBetter, movedWorse, RAG_ICON, teamOrder } from "./digest-attention.js";
import { type DigestData, type DigestRequest, loadDigestData, type TeamRow } from "./load-digest-data.js";

const BUTTONS_PER_ROW = 5;
/** Chat limits (Slack: 50 blocks a message): a very large cohort gets the first lines and buttons only. */
const MAX_TEAM_LINES = 40;
const MAX_BUTTONS = 25;

/**
 * The staff digest for one programme and month, as a neutral message: counts and names first, then what
 * needs attention, the RAG summary, money and reach, one line per team, and a button per full update.
 */
export async function buildDigest(request: DigestRequest & { deps: Pick<CoreDeps, "chartLinks"> }): Promise<Message> {
  const data = await loadDigestData(request);
  const links = request.deps.chartLinks;
  return digestMessage(
    data,
    links ? links.digestChart({ programmeId: data.programme.id, month: data.cycle.month }) : undefined,
  );
}

/** `pictureUrl`: the RAG grid as a picture (only with PUBLIC_URL); the message reads the same without it. */
export function digestMessage({ programme, cycle, previous, rows }: DigestData, pictureUrl?: string): Message {
  const label = monthLabel(cycle.month);
  const submitted = rows.filter((r) => r.submitted);
  const late = submitted.filter((r) => r.update?.late);
  const missing = rows.filter((r) => !r.submitted);
  const names = (list: TeamRow[]) => list.map((r) => r.team.name).join(", ");
  const missingNames = missing.map((r) => `${r.team.name}${r.update ? " (draft started)" : ""}`).join(", ");

  const blocks: Block[] = [
    { type: "header", text: `Progress digest: ${label}` },
    {
      type: "context",
      text: `${programme.name} · updates were due ${formatLocal(cycle.dueAt, programme.timeZone)}`,
    },
    {
      type: "fields",
      fields: [
        { label: "Submitted", value: `${submitted.length} of ${rows.length}` },
        { label: "Late", value: late.length ? `${late.length}: ${names(late)}` : "0" },
        { label: "Missing", value: missing.length ? `${missing.length}: ${missingNames}` : "0" },
      ],
    },
  ];

  const attention = attentionItems(rows);
  if (attention.length > 0) {
    blocks.push({ type: "text", text: [{ bold: "Needs attention" }] });
    blocks.push({
      type: "list",
      items: attention.map((a): RichText => [{ bold: a.row.team.name }, ` — ${a.reasons.join("; ")}`]),
    });
  }

  const count = (rag: string) => submitted.filter((r) => r.data.rag === rag).length;
  const worse = submitted.filter(movedWorse).length;
  const better = submitted.filter(movedBetter).length;
  const change = previous
    ? ` Since ${monthLabel(previous.month)}: ${worse} worse, ${better} better.`
    : " First month: no change to compare.";
  blocks.push({
    type: "text",
    text: `${RAG_ICON["on-track"]} ${count("on-track")} on track · ${RAG_ICON["at-risk"]} ${count("at-risk")} at risk · ${RAG_ICON["off-track"]} ${count("off-track")} off track · ${missing.length} not reported.${change}`,
  });
  if (pictureUrl)
    blocks.push({
      type: "image",
      url: pictureUrl,
      title: `RAG status by team and month, to ${label}`,
      alt: `Grid of RAG status for ${rows.length} teams, month by month to ${label}. ${label}: ${count("on-track")} on track, ${count("at-risk")} at risk, ${count("off-track")} off track, ${missing.length} not reported.`,
    });

  const spent = rows.reduce((sum, r) => sum + (r.spend?.amount ?? 0), 0);
  const funding = programme.totalFunding || rows.reduce((sum, r) => sum + r.team.award, 0);
  const share = funding > 0 ? ` (${Math.round((spent / funding) * 100)}%)` : "";
  const peopleMonth = submitted.reduce((sum, r) => sum + (r.data.people ?? 0), 0);
  const peopleTotal = rows.reduce((sum, r) => sum + r.peopleTotal, 0);
  blocks.push({
    type: "fields",
    fields: [
      { label: "Grant spent to date", value: `${pounds(spent)} of ${pounds(funding)} awarded${share}` },
      { label: "People supported", value: `${peopleMonth} this month · ${peopleTotal} in total` },
    ],
  });

  blocks.push({ type: "divider" });
  const ordered = [...rows].sort(teamOrder);
  const lines = ordered.slice(0, MAX_TEAM_LINES).map(teamLine);
  if (ordered.length > MAX_TEAM_LINES) lines.push(`…and ${ordered.length - MAX_TEAM_LINES} more teams.`);
  blocks.push({ type: "list", items: lines });

  const withUpdate = ordered.filter((r) => r.submitted && r.update);
  const buttons: Button[] = withUpdate
    .slice(0, MAX_BUTTONS)
    .map((r) => ({ action: "update.view", label: `View ${oneLine(r.team.name, 60)}`, value: r.update?.id }));
  for (let i = 0; i < buttons.length; i += BUTTONS_PER_ROW)
    blocks.push({ type: "actions", buttons: buttons.slice(i, i + BUTTONS_PER_ROW) });
  const more =
    withUpdate.length > MAX_BUTTONS ? " The export (`cohort export updates`) has every team's full update." : "";
  blocks.push({
    type: "context",
    text: `Spend is each team's latest reported total. Late = submitted after the due date.${more}`,
  });

  const summary = `${label} digest for ${programme.name}: ${submitted.length} of ${rows.length} submitted (${late.length} late), ${missing.length} missing${missing.length ? ` (${missing.map((r) => r.team.name).join(", ")})` : ""}; ${attention.length} need attention.`;
  return { summary, blocks };
}

/** "🔴 Team — first line of progress · £4,500 spent · 23 people", or why there is no line. */
function teamLine(row: TeamRow): RichText {
  if (!row.submitted) {
    const spend = row.spend ? ` · ${pounds(row.spend.amount)} spent (as of ${monthLabel(row.spend.month)})` : "";
    return [
      `⏳ `,
      { bold: row.team.name },
      ` — ${row.update ? "draft started, not submitted" : "no update yet"}${spend}`,
    ];
  }
  const d = row.data;
  const icon = d.rag ? RAG_ICON[d.rag] : "⚪";
  const spend = d.spend === undefined ? "" : ` · ${pounds(d.spend)} of ${pounds(row.team.award)} spent`;
  const people = d.people === undefined ? "" : ` · ${d.people} people`;
  const late = row.update?.late ? " (late)" : "";
  return [`${icon} `, { bold: row.team.name }, `${late} — ${oneLine(d.progress ?? "", 140)}${spend}${people}`];
}
