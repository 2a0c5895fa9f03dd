import { formatLocal } from "../../core/programme/local-time.js";
import type { Overview } from "../../core/staff/load-overview.js";
import { DELIVERY_LOG_LINES } from "../../core/staff/load-overview.js";
import { h, table } from "../html/html.js";

const KIND: Record<string, string> = {
  "session-reminder": "Session reminder",
  "milestone-reminder": "Milestone reminder",
  "cycle-open": "Update open",
  "cycle-nudge": "Update nudge",
  "cycle-final-call": "Update final call",
  "cycle-missing-note": "Missing-updates note",
  "cycle-digest": "Digest",
  "cycle-late-note": "Late note",
  "staff-alert": "Staff alert",
};

/** Every reminder and digest: when it was planned, what became of it (sent, skipped, failed) and why. */
export function deliveryLogSection(o: Overview, timeZone: string): string {
  const { entries, counts } = o.deliveries;
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const summary = Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([status, n]) => `${n.toLocaleString("en-GB")} ${status}`)
    .join(", ");
  const shown = entries.length < total ? ` The newest ${Math.min(entries.length, DELIVERY_LOG_LINES)} are listed.` : "";
  const rows = entries.map((e) => [
    formatLocal(e.scheduledFor, timeZone),
    KIND[e.kind] ?? e.kind,
    e.teamName ? `${e.targetName} (${e.teamName})` : e.targetName,
    { html: `<span class="status-${h(e.status)}">${h(e.status)}</span>` },
    e.sentAt ? formatLocal(e.sentAt, timeZone) : "—",
    e.reason ??
      (e.status === "pending" && e.lastError
        ? `retrying: ${e.lastError}`
        : e.attempts > 1
          ? `${e.attempts} attempts`
          : ""),
  ]);
  return `<h2 id="deliveries">Delivery log</h2>
<p>${total ? `${total.toLocaleString("en-GB")} reminders, digests and alerts: ${h(summary)}.${shown}` : "Nothing has been planned or sent yet."}</p>
${entries.length ? `<div class="table-wrap">${table({ caption: "Reminders and digests, newest first", head: ["Planned for", "What", "To", "Status", "Sent", "Reason"], rows })}</div>` : ""}`;
}
