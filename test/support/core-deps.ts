import { buildCoreDeps } from "../../src/app/build-deps.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { fixedClock } from "../../src/core/ports/clock.js";
import { silentLogger } from "../../src/core/ports/logger.js";
import type { Database } from "../../src/db/open-database.js";

/** Real repositories on the test database, a clock the test controls, no logging noise. */
export function testCoreDeps(db: Database, now = "2022-11-15T10:00:00Z") {
  const clock = fixedClock(now);
  const deps: CoreDeps = buildCoreDeps({ db, clock, logger: silentLogger });
  return { deps, clock };
}
