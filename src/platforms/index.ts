import { platformsConfigured } from "../config/env.js";
import type { PlatformFactoryInput, PlatformModule } from "./platform.js";
import { replyBudgetFromEnv } from "./reply-budget.js";

/**
 * Builds the platform adapters the environment asks for. Each adapter only converts and forwards:
 * business rules live in the core.
 */
export async function createPlatforms(options: PlatformFactoryInput): Promise<PlatformModule[]> {
  // One budget for the server: Slack and Teams requests draw on the same core and database.
  const input = { ...options, replies: options.replies ?? replyBudgetFromEnv(options.env, options.deps.logger) };
  const enabled = platformsConfigured(input.env);
  const modules: PlatformModule[] = [];
  // Imported only when enabled: Bolt (~36 MB resident) and the Teams SDK (~41 MB) stay out of a
  // process that does not use them.
  if (enabled.slack) modules.push(await (await import("./slack/index.js")).createSlackPlatform(input));
  if (enabled.teams) modules.push(await (await import("./teams/index.js")).createTeamsPlatform(input));
  if (enabled.playground) modules.push(await (await import("./local/index.js")).createLocalPlatform(input));
  return modules;
}
