import { AppError } from "../../errors.js";
import type { Identity } from "../resolve-actor.js";
import type { Platform } from "../types.js";

/**
 * Whom a staff command is about: the first person mentioned (Slack `<@U…>`, a Teams mention; the
 * adapters turn those into identities), else the first word as a user id on the caller's platform (a
 * Slack member id, a Teams object id, a playground person key). Returns the rest of the words too.
 */
export function personFromArgs(
  args: string,
  mentions: Identity[],
  platform: Platform,
  usage: string,
): { person: Identity; rest: string } {
  const [mentioned] = mentions;
  if (mentioned) return { person: mentioned, rest: args.trim() };
  const [first = "", ...rest] = args.trim().split(/\s+/);
  const id = first.replace(/^@/, "");
  if (!id) throw new AppError("invalid_input", usage);
  return { person: { platform, externalId: platform === "slack" ? id.toUpperCase() : id }, rest: rest.join(" ") };
}

/** A member key for someone added in chat: `slack-u0abc123`, unique per platform user. */
export function memberKeyFor(person: Identity): string {
  const id = person.externalId.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return `${person.platform}-${id}`.replace(/-+$/, "").slice(0, 63);
}

/** People in the programme file have their own keys; people added in chat have `<platform>-…` keys. */
export function addedInChat(memberKey: string): boolean {
  return /^(slack|teams|local)-/.test(memberKey);
}
