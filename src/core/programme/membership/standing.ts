import type { CoreDeps } from "../../deps.js";
import type { UserStanding } from "../../ports/chat-gateway.js";
import type { Identity } from "../resolve-actor.js";

/** What the person's platform says about their account; null when it cannot say (or is unreachable). */
export async function lookUpStanding(
  deps: Pick<CoreDeps, "gateways" | "logger">,
  person: Identity,
): Promise<UserStanding | null> {
  const gateway = deps.gateways[person.platform];
  if (!gateway?.describeUser) return null;
  try {
    return await gateway.describeUser(person.externalId);
  } catch (error) {
    deps.logger.warn({ err: error }, "could not look up a user on their platform");
    return null;
  }
}

/** One line for staff about an account that is not an ordinary member of the workspace, or null. */
export function standingNote(standing: Pick<UserStanding, "guest" | "external"> | null): string | null {
  if (standing?.external)
    return "This person is from another organisation (a Slack Connect user). People from other organisations are never added automatically.";
  if (standing?.guest) return "This person has a guest account in the workspace. Guests are never added automatically.";
  return null;
}
