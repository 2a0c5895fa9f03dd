import { formatLocal } from "../../core/programme/local-time.js";
import type { Overview } from "../../core/staff/load-overview.js";
import { h } from "../html/html.js";
import type { StaffLinks } from "./links.js";

/**
 * Unanswered questions, oldest first, each with an answer box. The form posts to the core's answer flow
 * (the answer joins the FAQ and goes back to the asker) and carries the viewer's CSRF token.
 */
export function questionsSection(o: Overview, links: StaffLinks, csrfToken: string): string {
  const tz = o.scope.programme.timeZone;
  const list = o.unanswered
    .map(({ question: q, asker }, i) => {
      const id = `answer-${i}`;
      return `<article class="question" aria-labelledby="${id}-q">
<blockquote id="${id}-q">“${h(q.question)}”</blockquote>
<p class="note">Asked by ${h(asker)} on ${h(q.platform === "local" ? "the playground" : q.platform === "slack" ? "Slack" : "Teams")}, ${h(formatLocal(q.createdAt, tz))}.</p>
<form method="post" action="${h(links.answer(q.id))}">
<input type="hidden" name="_csrf" value="${h(csrfToken)}">
<label for="${id}">Your answer (it goes to the person who asked and into the FAQ)</label>
<textarea id="${id}" name="answer" required maxlength="4000"></textarea>
<button type="submit">Send answer</button>
</form>
</article>`;
    })
    .join("\n");
  return `<h2 id="questions">Unanswered questions</h2>
${o.unanswered.length ? list : '<p class="empty">No unanswered questions.</p>'}`;
}
