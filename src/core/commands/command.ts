import type { CoreDeps } from "../deps.js";
import type { Conversation, Identity } from "../programme/resolve-actor.js";
import type { Actor } from "../programme/types.js";
import type { Reply } from "./reply.js";

/** What every command handler gets: who asked (resolved), where, and the words after the subcommand. */
export type CommandContext = {
  deps: CoreDeps;
  actor: Actor;
  identity: Identity;
  conversation?: Conversation;
  /** Text after the subcommand name, trimmed. */
  args: string;
};

/** One subcommand of `/cohort` (Slack) or a message to the bot (Teams, playground). */
export type Command = {
  name: string;
  aliases?: string[];
  usage: string;
  summary: string;
  /** Only staff may run it; checked on every request by the router. */
  staffOnly?: boolean;
  run(ctx: CommandContext): Promise<Reply>;
};

/** A button press: same context, with the button's action id and value. */
export type ActionHandler = {
  action: string;
  staffOnly?: boolean;
  run(ctx: CommandContext & { value: string }): Promise<Reply>;
};
