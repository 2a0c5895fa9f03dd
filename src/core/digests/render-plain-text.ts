import { type Message, plainText } from "../messages/message.js";

/** A neutral message as plain text, for the CLI and logs. Buttons are listed by label. */
export function messageToPlainText(message: Message): string {
  const out: string[] = [];
  for (const block of message.blocks) {
    switch (block.type) {
      case "header":
        out.push(block.text, "=".repeat(Math.min(block.text.length, 72)));
        break;
      case "text":
        out.push(plainText(block.text));
        break;
      case "context":
        out.push(`(${plainText(block.text)})`);
        break;
      case "fields":
        for (const f of block.fields) out.push(`${f.label}: ${plainText(f.value)}`);
        break;
      case "list":
        for (const item of block.items) out.push(`  - ${plainText(item)}`);
        break;
      case "actions":
        out.push(block.buttons.map((b) => `[${b.label}]`).join(" "));
        break;
      case "divider":
        out.push("-".repeat(40));
        break;
      case "image":
        out.push(`[Picture: ${block.alt}]`);
        break;
    }
  }
  return `${out.join("\n")}\n`;
}
