import { fixture, SIGNING_SECRET, signHeaders } from "../test/support/slack-harness.js";
import type { LoadRequest } from "./paced-load.js";

export { SIGNING_SECRET };

/**
 * A signed `/cohort <text>` from Aisha (a known member of the Tower Hamlets team in the seed), built
 * from the recorded slash-command fixture. Every request gets its own trigger_id: our listener treats
 * a repeated trigger_id as a Slack retry and only acks it, which would skip the real work.
 */
export function slashCommand(text: string, run: string, responseUrl: string) {
  const base = fixture<Record<string, string>>("slash-command.json");
  return (i: number): LoadRequest => {
    const body = new URLSearchParams({
      ...base,
      text,
      response_url: responseUrl,
      trigger_id: `bench.${run}.${i}.${Date.now()}`,
    }).toString();
    return {
      path: "/slack/events",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", ...signHeaders(body, "good") },
    };
  };
}
