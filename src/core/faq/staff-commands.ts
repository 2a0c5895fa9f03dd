import type { ActionHandler, Command } from "../commands/command.js";
import { privateReply } from "../commands/reply.js";
import type { CoreDeps } from "../deps.js";
import { AppError } from "../errors.js";
import { type RichText, textMessage } from "../messages/message.js";
import { formatLocal } from "../programme/local-time.js";
import type { Actor } from "../programme/types.js";
import { answerUnanswered } from "./answer-unanswered.js";
import { dismissUnanswered } from "./dismiss-unanswered.js";
import { editFaqEntry, retireFaqEntry } from "./edit-faq-entry.js";
import { buildFaqStats } from "./faq-stats.js";
import { renderFaqStats } from "./render-faq-stats.js";

/** `unanswered`: the open questions the bot passed to staff, oldest first. */
export const unansweredCommand: Command = {
  name: "unanswered",
  usage: "unanswered",
  summary: "questions I couldn't answer, waiting for the programme team",
  staffOnly: true,
  async run({ deps, actor }) {
    const open = await deps.faq.listUnanswered(actor.programme.id, { status: "open" });
    if (open.length === 0) return privateReply(textMessage("No unanswered questions. 🎉"));
    const items: RichText[] = [];
    for (const q of open) {
      const member = q.memberId ? await deps.programmes.getMember(q.memberId) : null;
      items.push([
        { code: q.id.slice(0, 8) },
        ` “${q.question}” — ${member?.name ?? q.askerExternalId}, ${formatLocal(q.createdAt, actor.programme.timeZone)}`,
      ]);
    }
    // One Dismiss button per question shown (the oldest first), for the noise nobody should answer.
    const buttons = open.slice(0, MAX_DISMISS_BUTTONS).map((q) => ({
      action: DISMISS_ACTION,
      label: `Dismiss ${q.id.slice(0, 8)}`,
      value: q.id,
    }));
    return privateReply({
      summary: `${open.length} unanswered question(s).`,
      blocks: [
        { type: "header", text: `Unanswered questions (${open.length})` },
        { type: "list", items },
        { type: "actions", buttons },
        {
          type: "context",
          text: "Answer one with `answer <id> <your answer>`: it goes to the asker and into the FAQ. Dismiss one that is noise with its button or `dismiss <id>`: it leaves the queue and nothing is sent.",
        },
      ],
    });
  },
};

export const DISMISS_ACTION = "faq.dismiss";
const MAX_DISMISS_BUTTONS = 10;

/** The command and the button share it: staff-only (checked by run-command.ts), audited in dismissUnanswered. */
async function dismissAndSay(deps: CoreDeps, actor: Actor, questionId: string) {
  const by = { id: actor.member.id, name: actor.member.name };
  const q = await dismissUnanswered({ deps, programmeId: actor.programme.id, questionId, by });
  return privateReply(
    textMessage(
      `Dismissed \`${q.id.slice(0, 8)}\` “${q.question}”: it has left the queue, and nothing was sent to the person who asked.`,
    ),
  );
}

/** `dismiss <id>`: closes a queued question that is noise, without answering it. */
export const dismissCommand: Command = {
  name: "dismiss",
  usage: "dismiss <id>",
  summary: "close a queued question that is noise, without answering it",
  staffOnly: true,
  run: ({ deps, actor, args }) => dismissAndSay(deps, actor, args.trim()),
};

/** The Dismiss button of `unanswered` (staff only, checked by run-command.ts like the command). */
export const dismissQuestionAction: ActionHandler = {
  action: DISMISS_ACTION,
  staffOnly: true,
  run: ({ deps, actor, value }) => dismissAndSay(deps, actor, value),
};

/** `answer <id> <text>`: answers a queued question (and adds it to the FAQ). */
export const answerCommand: Command = {
  name: "answer",
  usage: "answer <id> <answer>",
  summary: "answer a queued question; the asker gets it and it joins the FAQ",
  staffOnly: true,
  async run({ deps, actor, args }) {
    const [id = "", ...rest] = args.split(/\s+/);
    const result = await answerUnanswered({
      deps,
      programmeId: actor.programme.id,
      questionId: id,
      answer: rest.join(" "),
      by: { id: actor.member.id, name: actor.member.name },
    });
    const sent = result.delivered
      ? "and sent it to the person who asked"
      : `but couldn't send it to the person who asked (${result.deliveryProblem}); please let them know`;
    return privateReply(textMessage(`Saved as FAQ entry \`${result.entry.key}\` ${sent}.`));
  },
};

/** `faq list | stats | edit <key> <answer> | retire <key>`: looking after the FAQ from chat. */
export const faqCommand: Command = {
  name: "faq",
  usage: "faq list | faq stats | faq edit <key> <answer> | faq retire <key>",
  summary: "list, edit or retire FAQ entries; see how often each is used",
  staffOnly: true,
  async run({ deps, actor, args }) {
    const [sub = "list", key = "", ...rest] = args.split(/\s+/);
    const programmeId = actor.programme.id;
    if (sub === "list") {
      const entries = await deps.faq.listEntries(programmeId);
      return privateReply({
        summary: `${entries.length} FAQ entries.`,
        blocks: [
          { type: "header", text: `FAQ entries (${entries.length})` },
          { type: "list", items: entries.map((e) => [{ code: e.key }, ` ${e.question}`]) },
        ],
      });
    }
    if (sub === "stats") {
      const stats = await buildFaqStats({ deps, programme: actor.programme });
      return privateReply(renderFaqStats(stats, actor.programme.timeZone));
    }
    if (sub === "edit") {
      const entry = await editFaqEntry({ deps, programmeId, key, answer: rest.join(" "), by: actor.member.id });
      return privateReply(textMessage(`Updated FAQ entry \`${entry.key}\`.`));
    }
    if (sub === "retire") {
      const entry = await retireFaqEntry({ deps, programmeId, key, by: actor.member.id });
      return privateReply(
        textMessage(`Retired FAQ entry \`${entry.key}\`: I won't use it to answer questions any more.`),
      );
    }
    throw new AppError(
      "invalid_input",
      "Use `faq list`, `faq stats`, `faq edit` followed by a key and the new answer, or `faq retire` followed by a key.",
    );
  },
};
