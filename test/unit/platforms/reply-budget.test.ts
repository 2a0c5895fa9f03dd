import { describe, expect, it } from "vitest";
import { createReplyBudget, within } from "../../../src/platforms/reply-budget.js";

describe("reply budget", () => {
  it("admits up to the limit, sheds beyond it, and makes room as work settles (even when it fails)", async () => {
    const warnings: unknown[] = [];
    const budget = createReplyBudget({ maxInFlight: 2, logger: { warn: (o: unknown) => warnings.push(o) } });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const a = budget.admit(() => held);
    const b = budget.admit(() => held.then(() => Promise.reject(new Error("database gone"))));
    expect(budget.inFlight()).toBe(2);
    let ran = false;
    expect(
      budget.admit(async () => {
        ran = true;
      }),
    ).toBeNull();
    expect(ran).toBe(false);
    expect(warnings).toHaveLength(1);

    release();
    await a;
    await expect(b).rejects.toThrow("database gone");
    expect(budget.inFlight()).toBe(0);
    expect(budget.admit(async () => "ok")).not.toBeNull();
  });

  it("counts work that throws before returning a promise, and releases it", async () => {
    const budget = createReplyBudget({ maxInFlight: 1 });
    const failed = budget.admit(() => {
      throw new Error("sync");
    });
    await expect(failed).rejects.toThrow("sync");
    expect(budget.inFlight()).toBe(0);
  });

  it("within: the value when it is ready in time, undefined when not (the work carries on)", async () => {
    expect(await within(Promise.resolve(7), 1_000)).toBe(7);
    let finish!: (v: number) => void;
    const slow = new Promise<number>((resolve) => {
      finish = resolve;
    });
    expect(await within(slow, 1)).toBeUndefined();
    finish(8);
    expect(await slow).toBe(8);
  });
});
