import type { CoreDeps } from "../../deps.js";
import type { Message } from "../../messages/message.js";
import type { UnansweredQuestion } from "../../ports/faq-repository.js";
import { formatLocal } from "../../programme/local-time.js";
import type { Actor } from "../../programme/types.js";

/**
 * "What did staff say to our last question?": the latest question from the asker (or, for a team
 * member, anyone in their team) that was passed to the programme team, and the answer they gave.
 */
export async function describeStaffReply(deps: CoreDeps, actor: Actor): Promise<Message> {
  const { programme, team } = actor;
  const tz = programme.timeZone;
  const teamMates = team
    ? new Set((await deps.programmes.listMembers(programme.id, { teamId: team.id })).map((m) => m.id))
    : new Set<string>();
  const ours = (q: UnansweredQuestion) =>
    (q.platform === actor.platform && q.askerExternalId === actor.externalId) ||
    q.memberId === actor.member.id ||
    (q.memberId !== null && teamMates.has(q.memberId));
  const [answered, open] = await Promise.all([
    deps.faq.listUnanswered(programme.id, { status: "answered" }),
    deps.faq.listUnanswered(programme.id, { status: "open" }),
  ]);
  const latest = <T extends UnansweredQuestion>(items: T[], at: (q: T) => Date) =>
    items.filter(ours).sort((a, b) => at(b).getTime() - at(a).getTime())[0];
  const last = latest(answered, (q) => q.answeredAt ?? q.createdAt);
  const waiting = latest(open, (q) => q.createdAt);
  const blocks: Message["blocks"] = [];
  let answer = "";
  if (last) {
    const entry = (await deps.faq.listEntries(programme.id, { includeRetired: true })).find(
      (e) => e.id === last.answeredFaqId,
    );
    answer = entry ? entry.answer : "The programme team answered it, but that answer has since been removed.";
    blocks.push(
      {
        type: "text",
        text: ["You asked: ", { italic: last.question }, ` (${formatLocal(last.createdAt, tz, false)})`],
      },
      { type: "text", text: answer },
      {
        type: "context",
        text: `Answered by the programme team${last.answeredAt ? ` on ${formatLocal(last.answeredAt, tz, false)}` : ""}.`,
      },
    );
  }
  if (waiting && (!last || waiting.createdAt > (last.answeredAt ?? last.createdAt))) {
    blocks.push({
      type: "context",
      text: `Still waiting for an answer: “${waiting.question}” (asked ${formatLocal(waiting.createdAt, tz, false)}).`,
    });
  }
  if (blocks.length === 0) {
    const text = "I can't find a question from you or your team that I passed to the programme team.";
    return { summary: text, blocks: [{ type: "text", text }] };
  }
  const summary = last
    ? `The programme team's answer to “${last.question}”: ${answer}`
    : `Your question “${waiting?.question}” is still with the programme team.`;
  return { summary, blocks };
}
