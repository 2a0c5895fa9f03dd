import type { CoreDeps } from "../deps.js";
import { AppError, GENERIC_FAILURE, isAppError } from "../errors.js";
import type { FormResult, FormValues } from "../forms/form.js";
import { textMessage } from "../messages/message.js";
import { notMemberMessage, notMemberText, strangerHelp } from "../programme/not-member.js";
import {
  type Caller,
  type Conversation,
  type Identity,
  resolveActor,
  resolveCaller,
} from "../programme/resolve-actor.js";
import { isStaff } from "../programme/types.js";
import type { CommandContext, OpenContext } from "./command.js";
import { findAction, findCommand, findForm } from "./registry.js";
import { privateReply, type Reply } from "./reply.js";

export { notMemberText };

export type CommandInput = {
  identity: Identity;
  conversation?: Conversation;
  text: string;
  /** People mentioned in the text, as the platform identified them (the text no longer holds the markup). */
  mentions?: Identity[];
};

/** Words that are a question, not a subcommand: "/cohort how much is the grant?" goes to `ask`. */
function looksLikeQuestion(text: string): boolean {
  return text.endsWith("?") || text.split(/\s+/).length >= 4;
}

/**
 * The single entry point for `/cohort <text>` in Slack, a message to the bot in Teams and a line typed
 * in the playground. Resolves the caller, checks membership and role on every request, runs the
 * subcommand and turns any error into a reply — never silence, never a stack trace.
 */
export async function runCommand(deps: CoreDeps, input: CommandInput): Promise<Reply> {
  const text = input.text.trim().replace(/^\/cohort\b\s*/i, "");
  const [word = "", ...rest] = text.split(/\s+/);
  return guarded(deps, input, async (caller) => {
    let command = findCommand(word || "help");
    let args = rest.join(" ").trim();
    let routed = false;
    if (!command && looksLikeQuestion(text) && findCommand("ask")) {
      command = findCommand("ask");
      args = text;
      routed = true;
    }
    if (!command) {
      return privateReply(
        textMessage(
          `I don't know the command “${word}”. Try \`help\` to see what I can do, or ask a question in plain words.`,
        ),
      );
    }
    const base = { ...baseContext(deps, input, args), routed };
    if (command.audience === "everyone") return command.run({ ...base, caller });
    const { actor } = caller;
    if (!actor) return privateReply(notMemberMessage());
    if (command.staffOnly && !isStaff(actor)) throw forbidden(command.name);
    return command.run({ ...base, actor });
  });
}

/** A button press (reminder "Update", digest "Post to channel", "Did you mean…?", join Approve). */
export async function runAction(
  deps: CoreDeps,
  input: { identity: Identity; conversation?: Conversation; action: string; value?: string },
): Promise<Reply> {
  return guarded(deps, input, async (caller) => {
    const handler = findAction(input.action);
    if (!handler) return privateReply(textMessage("That button is no longer available. Try `help`."));
    const ctx = { ...baseContext(deps, input, ""), value: input.value ?? "" };
    if (handler.audience === "everyone") return handler.run({ ...ctx, caller });
    const { actor } = caller;
    if (!actor) return privateReply(notMemberMessage());
    if (handler.staffOnly && !isStaff(actor)) throw forbidden(input.action);
    return handler.run({ ...ctx, actor });
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
    const { args: _args, ...ctx } = { ...baseContext(deps, input, ""), actor };
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
  run: (caller: Caller) => Promise<Reply>,
): Promise<Reply> {
  try {
    const caller = await resolveCaller(deps, input.identity, input.conversation);
    if (!caller) return privateReply(strangerHelp());
    return await run(caller);
  } catch (error) {
    if (isAppError(error)) return privateReply(textMessage(error.userMessage));
    deps.logger.error({ err: error }, "command failed");
    return privateReply(textMessage(GENERIC_FAILURE));
  }
}

function baseContext(
  deps: CoreDeps,
  input: { identity: Identity; conversation?: Conversation; mentions?: Identity[] },
  args: string,
): Omit<CommandContext, "actor"> & Omit<OpenContext, "caller"> {
  return { deps, identity: input.identity, conversation: input.conversation, args, mentions: input.mentions ?? [] };
}

function forbidden(what: string): AppError {
  return new AppError(
    "forbidden",
    `Only programme staff can use \`${what}\`. If you think you should have access, ask the programme team.`,
  );
}
