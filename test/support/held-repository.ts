/**
 * A repository whose every call waits until the test lets it through: a database that is slow for as
 * long as the test wants, so a test can check what happened *before* the database answered (the ack,
 * a "busy" reply) without measuring time. `calls()` counts calls that reached it, held or not.
 */
export function holdRepository<T extends object>(repository: T) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let calls = 0;
  let waiting = 0;
  const held = new Proxy(repository, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        calls++;
        waiting++;
        await released;
        waiting--;
        return value.apply(target, args);
      };
    },
  });
  return { held, release, calls: () => calls, waiting: () => waiting };
}
