import fs from "node:fs";

/** Loads ./.env if present (Node's own parser); real environment variables win. */
export function loadEnvFile(file = ".env"): void {
  if (!fs.existsSync(file)) return;
  process.loadEnvFile(file);
}
