import fs from "node:fs";
import { EnvError } from "./env.js";

/** Loads ./.env if present (Node's own parser); real environment variables win. */
export function loadEnvFile(file = ".env"): void {
  if (!fs.existsSync(file)) return;
  try {
    process.loadEnvFile(file);
  } catch (error) {
    throw new EnvError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}
