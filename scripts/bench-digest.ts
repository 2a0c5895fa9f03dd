/**
 * Digest build time for a large cohort: 1,000 teams with 6 monthly cycles of history (about 5,500 updates).
 *   npm run --silent bench:digest            (embedded in-memory PGlite)
 *   DATABASE_URL=postgres://... npm run --silent bench:digest   (a scratch PostgreSQL database: it adds a programme)
 * Prints one JSON line: median / min / max milliseconds for buildDigest, over 7 runs after a warm-up.
 * The code is shared with `npm run bench` (bench/digest-and-export.ts).
 */
import { benchDigest } from "../bench/digest-and-export.js";
import { parseDatabaseUrl } from "../src/db/database-url.js";
import { openDatabase } from "../src/db/open-database.js";

const TEAMS = Number(process.env.BENCH_TEAMS ?? 1000);
const url = process.env.DATABASE_URL;
const db = await openDatabase(url ? parseDatabaseUrl(url) : { kind: "pglite", dir: null });
try {
  const r = await benchDigest(db, TEAMS);
  process.stdout.write(
    `${JSON.stringify({
      teams: r.teams,
      cycles: r.cycles,
      updates: r.updates,
      database: url ? parseDatabaseUrl(url).kind : "pglite:memory",
      medianMs: r.ms.p50,
      minMs: r.ms.min,
      maxMs: r.ms.max,
      blocks: r.blocks,
    })}\n`,
  );
  if (url) await db.prisma.programme.delete({ where: { id: r.programmeId } });
} finally {
  await db.close();
}
