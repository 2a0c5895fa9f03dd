import { platformsConfigured } from "../config/env.js";
import { createLocalPlatform } from "./local/index.js";
import type { PlatformFactoryInput, PlatformModule } from "./platform.js";
import { createSlackPlatform } from "./slack/index.js";
import { createTeamsPlatform } from "./teams/index.js";

/**
 * Builds the platform adapters the environment asks for. Each adapter only converts and forwards:
 * business rules live in the core.
 */
export async function createPlatforms(input: PlatformFactoryInput): Promise<PlatformModule[]> {
  const enabled = platformsConfigured(input.env);
  const modules: PlatformModule[] = [];
  // Slack, Teams and the local playground register here as they are built.
  if (enabled.slack) modules.push(await createSlackPlatform(input));
  if (enabled.teams) modules.push(await createTeamsPlatform(input));
  if (enabled.playground) modules.push(await createLocalPlatform(input));
  return modules;
}
