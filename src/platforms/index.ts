import { platformsConfigured } from "../config/env.js";
import type { PlatformFactoryInput, PlatformModule } from "./platform.js";

/**
 * Builds the platform adapters the environment asks for. Each adapter only converts and forwards:
 * business rules live in the core.
 */
export async function createPlatforms(input: PlatformFactoryInput): Promise<PlatformModule[]> {
  const enabled = platformsConfigured(input.env);
  const modules: PlatformModule[] = [];
  // Slack, Teams and the local playground register here as they are built.
  void enabled;
  return modules;
}
