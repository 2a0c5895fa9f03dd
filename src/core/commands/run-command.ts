import type { CoreDeps } from "../deps.js";
import { AppError, GENERIC_FAILURE, isAppError } from "../errors.js";
import type { FormResult, FormValues } from "../forms/form.js";
import { textMessage } from "../messages/message.js";
import { type Conversation, type Identity, resolveActor } from "../programme/resolve-actor.js";
import { type Actor, isStaff } from "../programme/types.js";
import type { CommandContext } from "./command.js";
import { findAction, findCommand, findForm } from "./registry.js";
import { privateReply, type Reply } from "./reply.js";

export type CommandInput = { identity: Identity; conversation?: Conversation; text: string };

/** Words that are a question, not a subcommand: "/cohort how much is the grant?" goes to `ask`. */
function looksLikeQuestion(text: string): boolean {
  return text.endsWith("?") || text.split(/\s+/).length >= 4;
}

/**
 * The single entry point for `/cohort <text>` in Slack, a message to the bot in Teams and a line typed
 * in the playground. Resolves the member, checks the role on every request, runs the subcommand and
 * turns any error into a reply — never silence, never a stack trace.
 */
export async function runCommand(deps: CoreDeps, input: CommandInput): Promise<Reply> {
  const text = input.text.trim().replace(/^\/cohort\b\s*/i, "");
  const [word = "", ...rest] = text.split(/\s+/);
  return guarded(deps, input, async (actor) => {
    let command = findCommand(word || "help");
    let args = rest.join(" ").trim();
    if (!command && looksLikeQuestion(text) && findCommand("ask")) {
      command = findCommand("ask");
      args = text;
    }
    if (!command) {
      return privateReply(
        textMessage(
          `I don't know the command “${word}”. Try \`help\` to see what I can do, or ask a question in plain words.`,
        ),
      );
    }
    if (command.staffOnly && !isStaff(actor)) throw forbidden(command.name);
    return command.run(context(deps, actor, input, args));
  });
}

/** A button press (reminder "Update", digest "Post to channel"). */
export async function runAction(
  deps: CoreDeps,
  input: { identity: Identity; conversation?: Conversation; action: string; value?: string },
): Promise<Reply> {
  return guarded(deps, input, async (actor) => {
    const handler = findAction(input.action);
    if (!handler) return privateReply(textMessage("That button is no longer available. Try `help`."));
    if (handler.staffOnly && !isStaff(actor)) throw forbidden(input.action);
    return handler.run({ ...context(deps, actor, input, ""), value: input.value ?? "" });
  });
}

/** A submitted form. Validation errors come back per field; anything else as a message. */
export async function submitForm(
  deps: CoreDeps,
  input: {
    identity: Identity;
    conversation?: Conversation;
    formId: string;
    context: string;
    values: FormValues;
    draft?: boolean;
  },
): Promise<FormResult> {
  const actor = await resolveActor(deps, input.identity, input.conversation);
  if (!actor) return { ok: false, errors: { _form: notMemberText() } };
  const handler = findForm(input.formId);
  if (!handler) return { ok: false, errors: { _form: "This form is no longer available. Please start again." } };
  try {
    const { args: _args, ...ctx } = context(deps, actor, input, "");
    return await handler.submit({ ...ctx, context: input.context, values: input.values, draft: input.draft ?? false });
  } catch (error) {
    if (isAppError(error)) return { ok: false, errors: { _form: error.userMessage } };
    deps.logger.error({ err: error, formId: input.formId }, "form submit failed");
    return { ok: false, errors: { _form: GENERIC_FAILURE } };
  }
}

async function guarded(
  deps: CoreDeps,
  input: { identity: Identity; conversation?: Conversation },
  run: (actor: Actor) => Promise<Reply>,
): Promise<Reply> {
  try {
    const actor = await resolveActor(deps, input.identity, input.conversation);
    if (!actor) return privateReply(strangerHelp());
    return await run(actor);
  } catch (error) {
    if (isAppError(error)) return privateReply(textMessage(error.userMessage));
    deps.logger.error({ err: error }, "command failed");
    return privateReply(textMessage(GENERIC_FAILURE));
  }
}

function context(
  deps: CoreDeps,
  actor: Actor,
  input: { identity: Identity; conversation?: Conversation },
  args: string,
): CommandContext {
  return { deps, actor, identity: input.identity, conversation: input.conversation, args };
}

function forbidden(what: string): AppError {
  return new AppError(
    "forbidden",
    `Only programme staff can use \`${what}\`. If you think you should have access, ask the programme team.`,
  );
}

/** Someone the bot does not know yet still learns what it does and how to get added. */
function strangerHelp() {
  return {
    summary: `I'm Cohort Bot. ${notMemberText()}`,
    blocks: [
      {
        type: "text" as const,
        text: "I'm Cohort Bot: I answer programme questions (`ask`), remind teams of coaching sessions and milestones, and collect each team's monthly progress `update`.",
      },
      { type: "text" as const, text: notMemberText() },
    ],
  };
}

export function notMemberText(): string {
  return "I don't know which team you're in yet, so I can't help with that. Ask the programme team to add you (they need your name and team), or post in your team's channel first.";
}
