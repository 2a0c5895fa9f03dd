import type { Identity } from "../../core/programme/resolve-actor.js";

/** `<@U0123ABC>` or `<@U0123ABC|sam>`: how Slack sends a user mention when the command escapes them. */
const MENTION = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;

/**
 * Takes user mentions out of a command's text and hands them to the core as identities, in order, so a
 * staff command like `add @Sam Croydon` knows exactly whom it is about (Slack sends `<@U…|sam>` when the
 * slash command's `should_escape` is on; see manifest/slack/manifest.yaml).
 */
export function extractMentions(text: string): { text: string; mentions: Identity[] } {
  const mentions: Identity[] = [];
  const rest = text.replace(MENTION, (_, id: string, name?: string) => {
    mentions.push({ platform: "slack", externalId: id, ...(name ? { displayName: name } : {}) });
    return " ";
  });
  return { text: rest.replace(/\s+/g, " ").trim(), mentions };
}
