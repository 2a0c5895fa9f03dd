import type { CoreDeps } from "../deps.js";
import type { Caller, Conversation, Identity } from "../programme/resolve-actor.js";
import type { Actor } from "../programme/types.js";
import type { Reply } from "./reply.js";

/** What every command handler gets: who asked (resolved), where, and the words after the subcommand. */
export type CommandContext = {
  deps: CoreDeps;
  actor: Actor;
  identity: Identity;
  conversation?: Conversation;
  /** Text after the subcommand name, trimmed (platform mentions removed: see `mentions`). */
  args: string;
  /** People the caller mentioned (Slack `<@U…>`, Teams mention entities), in order. */
  mentions: Identity[];
  /** The words were no command: the router sent them to `ask` as a plain question. */
  routed?: boolean;
};

/** A command open to everyone in the workspace gets the caller, who may be in no team (`caller.actor` null). */
export type OpenContext = Omit<CommandContext, "actor"> & { caller: Caller };

type CommandInfo = {
  name: string;
  aliases?: string[];
  usage: string;
  summary: string;
  /** Only staff may run it; checked on every request by the router. */
  staffOnly?: boolean;
};

/**
 * One subcommand of `/cohort` (Slack) or a message to the bot (Teams, playground). By default only
 * members of a programme may run it; `audience: "everyone"` opens it to people in no team (the FAQ,
 * help, asking to join).
 */
export type Command = CommandInfo &
  (
    | { audience?: "members"; run(ctx: CommandContext): Promise<Reply> }
    | { audience: "everyone"; run(ctx: OpenContext): Promise<Reply> }
  );

/** A button press: same context, with the button's action id and value. */
export type ActionHandler = {
  action: string;
  staffOnly?: boolean;
  /** Its answer is (usually) a form: platforms with dialogs open one straight from the button. */
  opensForm?: boolean;
} & (
  | { audience?: "members"; run(ctx: CommandContext & { value: string }): Promise<Reply> }
  | { audience: "everyone"; run(ctx: OpenContext & { value: string }): Promise<Reply> }
);
