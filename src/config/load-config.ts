import { type Env, parseEnv } from "./env.js";
import { loadEnvFile } from "./load-env-file.js";
import { preflight } from "./preflight.js";

/**
 * The one way an entry point (server, CLI) reads its configuration: ./.env, the environment schema, then
 * the file-system preflight. Any problem is an EnvError of one line per problem, thrown before the
 * database opens or a port is bound.
 */
export function loadConfig(): Env {
  loadEnvFile();
  const env = parseEnv();
  preflight(env);
  return env;
}
