import type { Command } from "commander";
import { buildDigest } from "../../core/digests/build-digest.js";
import { messageToPlainText } from "../../core/digests/render-plain-text.js";
import type { Message } from "../../core/messages/message.js";
import { resolveCycle } from "../../core/updates/cycles.js";
import { CliInputError } from "../cli-error.js";
import { withCliProgramme } from "./pick-programme.js";

const FORMATS = ["text", "slack", "teams"] as const;
type Format = (typeof FORMATS)[number];

/** `digest preview [--cycle YYYY-MM] [--format text|slack|teams] [--programme slug]`: prints the staff digest. */
export function registerDigest(program: Command): void {
  const digest = program.command("digest").description("staff progress digests");
  digest
    .command("preview")
    .description("print the digest for a cycle (default: the current or most recent one)")
    .option("--cycle <YYYY-MM>", "reporting cycle")
    .option("--format <format>", "text, slack (Block Kit JSON) or teams (Adaptive Card JSON)", "text")
    .option("--programme <slug>", "programme slug (default: the only or first programme)")
    .action(async (opts: { cycle?: string; format: string; programme?: string }) => {
      if (!FORMATS.includes(opts.format as Format))
        throw new CliInputError(`--format must be one of ${FORMATS.join(", ")} (got "${opts.format}")`);
      if (opts.cycle !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.cycle))
        throw new CliInputError(`--cycle must be a month like 2022-11 (got "${opts.cycle}")`);
      await withCliProgramme(opts.programme, async ({ deps, programme }) => {
        const cycle = await resolveCycle(deps, programme, opts.cycle);
        const message = await buildDigest({ deps, programmeId: programme.id, month: cycle.month });
        process.stdout.write(await render(message, opts.format as Format));
      });
    });
}

/** Platform renderers are loaded only when asked for, so `text` works whatever state they are in. */
async function render(message: Message, format: Format): Promise<string> {
  if (format === "text") return messageToPlainText(message);
  try {
    if (format === "slack") {
      const { renderSlackMessage } = await import("../../platforms/slack/render/render-message.js");
      return `${JSON.stringify(renderSlackMessage(message), null, 2)}\n`;
    }
    const { renderAdaptiveCard } = await import("../../platforms/teams/cards/render-message.js");
    return `${JSON.stringify(renderAdaptiveCard(message), null, 2)}\n`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND")
      throw new CliInputError(`--format ${format} is not available yet in this build (its renderer is missing)`);
    throw error;
  }
}
