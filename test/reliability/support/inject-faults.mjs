// Preloaded into a spawned server (node --import) by process-faults.test.ts: a stand-in for a bug somewhere
// in the process. SIGUSR2 → a promise rejected with nobody listening; SIGHUP → an exception thrown from a
// timer callback (nothing can catch it). Not part of the product.
process.on("SIGUSR2", () => {
  void Promise.reject(new Error("injected rejection"));
});
process.on("SIGHUP", () => {
  setImmediate(() => {
    throw new Error("injected exception");
  });
});
