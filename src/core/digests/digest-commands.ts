import type { ActionHandler, Command } from "../commands/command.js";
import { privateReply } from "../commands/reply.js";
import { AppError } from "../errors.js";
import { MONTH, resolveCycle } from "../updates/cycles.js";
import { buildDigest } from "./build-digest.js";
import { postDigest } from "./post-digest.js";

/** `digest [YYYY-MM]` (staff): a private preview of the digest with a button to post it. */
export const digestCommand: Command = {
  name: "digest",
  usage: "digest [YYYY-MM]",
  summary: "preview the progress digest for a month, then post it to the staff channels",
  staffOnly: true,
  async run({ deps, actor, args }) {
    const cycle = await resolveCycle(deps, actor.programme, args || undefined);
    const digest = await buildDigest({ deps, programmeId: actor.programme.id, month: cycle.month });
    return privateReply({
      summary: `Preview (only you can see this). ${digest.summary}`,
      blocks: [
        { type: "context", text: "Preview: only you can see this." },
        ...digest.blocks,
        {
          type: "actions",
          buttons: [{ action: "digest.post", label: "Post to staff channels", value: cycle.month, style: "primary" }],
        },
      ],
    });
  },
};

/**
 * The preview's "Post to staff channels" button (value = month), and "Post again" on the confirmation
 * shown when that month's digest was already posted (value = "<month>:again").
 */
export const postDigestAction: ActionHandler = {
  action: "digest.post",
  staffOnly: true,
  async run({ deps, actor, value }) {
    const [month = "", flag] = value.split(":");
    if (!MONTH.test(month) || (flag !== undefined && flag !== "again"))
      throw new AppError("invalid_input", "That button has lost its month. Run `digest` again.");
    return privateReply(await postDigest({ deps, actor, month, again: flag === "again" }));
  },
};
