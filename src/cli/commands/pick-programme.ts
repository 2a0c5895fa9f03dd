import type { CoreDeps } from "../../core/deps.js";
import type { Programme } from "../../core/programme/types.js";
import { CliInputError } from "../cli-error.js";
import { type CliContext, withCliDatabase } from "../open-cli-database.js";

/** Who the CLI acts as where the core records a person (answering or dismissing a queued question). */
export const CLI_ACTOR = { id: "cli", name: "programme team" };

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

/** What most commands do first: open the (seeded) database and pick the programme --programme names. */
export function withCliProgramme<T>(
  slug: string | undefined,
  run: (ctx: CliContext & { programme: Programme }) => Promise<T>,
): Promise<T> {
  return withCliDatabase({ seed: true }, async (ctx) =>
    run({ ...ctx, programme: await pickProgramme(ctx.deps, slug) }),
  );
}
