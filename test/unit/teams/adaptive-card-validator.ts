import { createRequire } from "node:module";

/**
 * Microsoft's `adaptivecards` renderer library, used to check every card the bot sends. Its package
 * `main` is broken under Node ESM, so the self-contained UMD bundle is loaded instead; parsing and
 * validation need no DOM.
 */
type ValidationEvent = { message: string };
type AdaptiveCardsModule = {
  AdaptiveCard: new () => {
    parse(json: unknown, context: unknown): void;
    validateProperties(): { validationEvents: ValidationEvent[] };
  };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): ValidationEvent };
};
const AdaptiveCards = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as AdaptiveCardsModule;

/** Every parse warning and validation problem the library reports for this card JSON. */
export function cardProblems(json: unknown): string[] {
  const card = new AdaptiveCards.AdaptiveCard();
  const context = new AdaptiveCards.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}
