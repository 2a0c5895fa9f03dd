import { afterAll, beforeAll, beforeEach } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

/**
 * The usual hooks for a test file's database: opened in beforeAll, handed on in afterAll and, with
 * `resetEach`, emptied before each test. Call it at the top of the file, before the file's own hooks:
 * they run after these (before-hooks run in the order they are registered). Returns a getter because the
 * database exists only once beforeAll has run.
 */
export function useTestDatabase(options: { resetEach?: boolean } = {}): () => TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });
  if (options.resetEach) {
    beforeEach(async () => {
      await database().reset();
    });
  }
  function database(): TestDatabase {
    if (!db) throw new Error("The test database opens in beforeAll: use it in hooks and tests, not at load time.");
    return db;
  }
  return database;
}
