import { fileURLToPath } from "node:url";
import { loadProgrammeFile } from "../config/load-programme-file.js";
import type { Logger } from "../core/ports/logger.js";
import { type ImportSummary, importProgramme } from "../db/import-programme.js";
import type { PrismaClient } from "../generated/prisma/client.js";

export const DEFAULT_SEED = fileURLToPath(new URL("../../prisma/seed/sp-innovators.yaml", import.meta.url));

/** On an empty database, imports the seed programme so a fresh `npm start` has something to show. */
export async function seedIfEmpty(
  prisma: PrismaClient,
  logger: Logger,
  file = DEFAULT_SEED,
): Promise<ImportSummary | null> {
  if ((await prisma.programme.count()) > 0) return null;
  const summary = await importProgramme(prisma, loadProgrammeFile(file), "seed");
  logger.info({ programme: summary.slug, file }, "empty database: imported the seed programme");
  return summary;
}
