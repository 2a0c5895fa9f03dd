// Prisma CLI configuration. The CLI is used for `prisma generate` and for authoring migrations
// (`migrate diff`); migrations are applied at run time by src/db/migrate.ts (docs/DATABASE.md).
// engine "js" + a driver adapter keep the CLI from downloading Rust engine binaries.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// The CLI needs a resolvable URL even for `generate`; without one it assumes the library
// engine and tries to download it. This default is never connected to by `generate`.
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

let adapter: PrismaPg | undefined;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // The CLI calls adapter() several times per command: hand back one instance per process.
  async adapter() {
    const url = new URL(process.env.DATABASE_URL as string);
    adapter ??= new PrismaPg({
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1),
    });
    return adapter;
  },
});
