import path from "node:path";

/** Where the data lives, decoded from DATABASE_URL. */
export type DatabaseTarget =
  | { kind: "pglite"; dir: string | null } // null = in memory
  | { kind: "postgres"; url: string };

export const DEFAULT_DATA_DIR = "data/db";

/**
 * Unset → embedded PGlite under ./data/db; `pglite:memory` → in memory; `pglite:<dir>` → that folder;
 * `postgres://` / `postgresql://` → a real server.
 */
export function parseDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const value = raw?.trim() ?? "";
  if (value === "") return { kind: "pglite", dir: path.resolve(cwd, DEFAULT_DATA_DIR) };
  if (value === "pglite:memory" || value === "memory:") return { kind: "pglite", dir: null };
  if (value.startsWith("pglite:")) {
    const dir = value.slice("pglite:".length).replace(/^\/\/(?=\/)/, "");
    if (dir === "") throw new Error("DATABASE_URL pglite: needs a folder, e.g. pglite:./data/db or pglite:memory");
    return { kind: "pglite", dir: path.resolve(cwd, dir) };
  }
  if (/^postgres(ql)?:\/\//.test(value)) return { kind: "postgres", url: value };
  throw new Error(
    "DATABASE_URL must be unset (embedded database), pglite:memory, pglite:<folder> or postgres://user@host:5432/db",
  );
}

/** Connection fields for node-postgres. Separate fields, not a connection string: see PRISMA-OFFLINE pitfall 4. */
export type PgConnection = {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
};

export function pgConnectionFromUrl(url: string): PgConnection {
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname) || "127.0.0.1",
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || "postgres"),
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.slice(1)) || "postgres",
  };
}
