/**
 * Public, signed and expiring picture links for chat messages. Only present when the server has a public
 * address (PUBLIC_URL): a chat platform fetches the picture from there. Without it messages stay text-only.
 */
export type ChartLinks = {
  /** The RAG grid of a programme up to `month`, as a PNG. */
  digestChart(input: { programmeId: string; month: string }): string;
};
