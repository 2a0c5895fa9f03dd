import type { CoreDeps } from "../../core/deps.js";
import type { Programme } from "../../core/programme/types.js";
import { CliInputError } from "../cli-error.js";

/** The programme named by --programme, or the only/first one. */
export async function pickProgramme(deps: CoreDeps, slug?: string): Promise<Programme> {
  const all = await deps.programmes.listProgrammes();
  const programme = slug ? all.find((p) => p.slug === slug) : all[0];
  if (!programme)
    throw new CliInputError(
      slug
        ? `no programme "${slug}" (known: ${all.map((p) => p.slug).join(", ") || "none"})`
        : "no programme imported yet",
    );
  return programme;
}
