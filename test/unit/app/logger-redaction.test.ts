import { describe, expect, it } from "vitest";
import { createLogger } from "../../../src/app/logger.js";
import { envVariables } from "../../../src/config/env.js";

/** Every secret the server reads from its environment, by name: tokens, secrets, keys, passwords. */
const secretNames = Object.keys(envVariables.shape).filter((name) => /SECRET|TOKEN|_KEY|PASSWORD/.test(name));

describe("the logger", () => {
  it("knows which variables are secrets", () => {
    expect(secretNames).toEqual(
      expect.arrayContaining(["SLACK_SIGNING_SECRET", "CLIENT_SECRET", "SLACK_CLIENT_SECRET", "ENTRA_CLIENT_SECRET"]),
    );
  });

  it("never writes the value of a secret variable, at the top level or one level down", () => {
    const lines: string[] = [];
    const logger = createLogger({ level: "debug", destination: { write: (line: string) => lines.push(line) } });
    for (const name of secretNames) {
      const value = `value-of-${name.toLowerCase()}-0123456789`;
      logger.info({ [name]: value }, "top level");
      logger.info({ env: { [name]: value } }, "nested");
    }
    const log = lines.join("");
    const leaked = secretNames.filter((name) => log.includes(`value-of-${name.toLowerCase()}`));
    expect(leaked).toEqual([]);
  });
});
