import type { FormView } from "../forms/form.js";
import type { Message } from "../messages/message.js";

/**
 * What the core hands back to a platform for a command or a button: a message (private to the caller,
 * or posted in the conversation) or a form to open. Platforms render these and nothing else.
 */
export type Reply =
  | {
      type: "message";
      message: Message;
      visibility: "private" | "public";
      /**
       * For a button press: what the message holding the button should now say (a decided join request's
       * card, its buttons replaced by the decision), so nobody presses again. Platforms that can edit
       * that message do; the reply itself still goes to the presser.
       */
      replaceSource?: Message;
    }
  | { type: "form"; view: FormView };

export const privateReply = (message: Message): Reply => ({ type: "message", message, visibility: "private" });
export const publicReply = (message: Message): Reply => ({ type: "message", message, visibility: "public" });
export const formReply = (view: FormView): Reply => ({ type: "form", view });
