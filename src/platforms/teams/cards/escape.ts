/**
 * Escaping for text shown in Teams. Adaptive Card TextBlocks (and FactSet values) render a markdown subset,
 * and Teams turns `<at>…</at>` into mentions, so every user-supplied string goes through here first:
 * markdown punctuation is backslash-escaped (CommonMark escapes render as the literal character) and angle
 * brackets are replaced by look-alike characters so no tag — `<at>`, HTML — can ever be formed.
 *
 * The look-alikes are the single angle quotation marks ‹ › (U+2039/U+203A): they are in every Latin font
 * (Windows Glyph List 4), so they render in every Teams client. The full-width ＜ ＞ used before are CJK
 * characters that the Teams web client's font lacks: `ask <question>` showed as `ask ☐question☐`.
 */
const LT = "\u2039";
const GT = "\u203A";
const INLINE_SPECIALS = /[\\*_[\]]/g;

export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(INLINE_SPECIALS, (c) => `\\${c}`)
      // Angle brackets: look-alikes, so neither markdown nor Teams' tag parser sees a tag.
      .replace(/</g, LT)
      .replace(/>/g, GT)
      // Block syntax only matters at the start of a line: headings, quotes, list items, numbered lists.
      .replace(/^(\s*)([#+-])/gm, "$1\\$2")
      .replace(/^(\s*\d+)\./gm, "$1\\.")
      // Carriage returns would let a value start a new markdown line inside a list item.
      .replace(/\r\n?/g, "\n")
  );
}

/** Plain text where markdown is not rendered (titles, labels, button captions): only tags are defused. */
export function escapePlain(text: string): string {
  return text.replace(/</g, LT).replace(/>/g, GT);
}

/** Only http(s) links become clickable; the URL is encoded so it cannot close the markdown link early. */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return parsed.toString().replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/ /g, "%20");
  } catch {
    return null;
  }
}
