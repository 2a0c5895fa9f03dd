import { DateTime } from "luxon";
import type { Message } from "../messages/message.js";
import { monthLabel } from "../updates/cycles.js";
import { type DigestRequest, loadDigestData } from "./load-digest-data.js";

/**
 * The interim due-day note to staff: who has not submitted yet. Null when every team has, so the
 * scheduler sends nothing.
 */
export async function buildMissingNote(request: DigestRequest): Promise<Message | null> {
  const { programme, cycle, rows } = await loadDigestData(request);
  const missing = rows.filter((r) => !r.submitted);
  if (missing.length === 0) return null;
  const time = DateTime.fromJSDate(cycle.dueAt, { zone: programme.timeZone }).toFormat("HH:mm");
  const names = missing.map((r) => `${r.team.name}${r.update ? " (draft started)" : ""}`);
  const head = `${monthLabel(cycle.month)} updates are due today at ${time}. Still missing: ${missing.length} of ${rows.length} teams.`;
  return {
    summary: `${head} ${names.join(", ")}`,
    blocks: [
      { type: "text", text: `⏰ ${head}` },
      { type: "list", items: names },
      {
        type: "context",
        text: "The full digest posts here tomorrow. Teams can still submit late until the cycle locks.",
      },
    ],
  };
}
