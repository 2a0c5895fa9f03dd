import type { ProgressUpdateVersion } from "../../core/ports/update-repository.js";
import { formatLocal } from "../../core/programme/local-time.js";
import type { TeamMonth } from "../../core/staff/programme-history.js";
import { monthLabel } from "../../core/updates/cycles.js";
import { progressUpdateForm, RAG, SUPPORT, type UpdateData } from "../../core/updates/update-form.js";
import { h, paragraphs, pounds } from "../html/html.js";

const LABELS = new Map(progressUpdateForm.fields.map((f) => [f.id, f.label]));

/** One value as a person reads it: RAG and support names, pounds, text with its line breaks. */
function showValue(id: string, value: unknown): string {
  if (id === "rag") return h(RAG[value as keyof typeof RAG] ?? String(value));
  if (id === "support") return h(SUPPORT[value as keyof typeof SUPPORT] ?? String(value));
  if (id === "spend" && typeof value === "number") return h(pounds(value));
  return paragraphs(String(value));
}

export function fieldList(data: UpdateData | Record<string, unknown>): string {
  const entries = progressUpdateForm.fields
    .map((f) => [f.id, (data as Record<string, unknown>)[f.id]] as const)
    .filter(([, v]) => v !== undefined && v !== "");
  if (entries.length === 0) return '<p class="empty">No answers yet.</p>';
  return `<dl>${entries.map(([id, v]) => `<dt>${h(LABELS.get(id) ?? id)}</dt><dd>${showValue(id, v)}</dd>`).join("")}</dl>`;
}

/** Which fields a version changed compared with the one before it. */
function changed(before: Record<string, unknown> | undefined, after: Record<string, unknown>): string[] {
  if (!before) return [];
  const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...ids]
    .filter((id) => JSON.stringify(before[id]) !== JSON.stringify(after[id]))
    .map((id) => LABELS.get(id) ?? id);
}

/**
 * One month's update on the team page: its state, who submitted it and when, the answers, and every
 * saved version with who saved it and what changed.
 */
export function updateArticle(
  m: TeamMonth,
  versions: ProgressUpdateVersion[],
  names: Map<string, string>,
  tz: string,
): string {
  const title = monthLabel(m.cycle.month);
  const who = (id: string | null) => (id ? (names.get(id) ?? "someone no longer on the programme") : "unknown");
  if (!m.update) {
    const state =
      m.state === "missing"
        ? "Not submitted."
        : m.state === "open"
          ? `Open; due ${formatLocal(m.cycle.dueAt, tz)}.`
          : "Not open yet.";
    return `<article class="update"><h3>${h(title)}</h3><p class="empty">${h(state)}</p></article>`;
  }
  const u = m.update;
  const status =
    u.status === "submitted"
      ? `Submitted${u.late ? " late" : ""}${u.submittedAt ? ` on ${formatLocal(u.submittedAt, tz)}` : ""} by ${who(u.submittedById)}.`
      : `Draft, not submitted${m.state === "missing" ? " (the due date has passed)" : ""}; last saved by ${who(u.updatedById)}.`;
  const history = versions
    .map((v, i) => {
      const diff = changed(versions[i - 1]?.data, v.data);
      const what = i === 0 ? "first saved" : diff.length ? `changed ${diff.join(", ")}` : "saved again, no change";
      return `<li>Version ${v.version} (${v.status}): ${h(formatLocal(v.savedAt, tz))}, ${h(who(v.savedById))} — ${h(what)}</li>`;
    })
    .join("");
  return `<article class="update"><h3>${h(title)}</h3>
<p>${h(status)}</p>
${fieldList(u.data)}
${versions.length ? `<details><summary>${versions.length} saved version${versions.length === 1 ? "" : "s"}</summary><ol class="versions">${history}</ol></details>` : ""}
</article>`;
}
