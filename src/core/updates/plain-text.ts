/**
 * Cleans what a person typed into a form field: line endings normalised, tabs to spaces, control and
 * invisible formatting characters removed (they break CSV, terminals and chat renderers), trimmed.
 * Markup such as `<!channel>` is kept as text: every renderer escapes it on the way out.
 */
export function cleanText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, "\n")
      .replace(/\t/g, " ")
      // C0/C1 controls except newline; bidi overrides/isolates (can disguise text); zero-width no-break space.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
      .replace(/\n{3,}/g, "\n\n")
      .trim()
  );
}

/** Length as a person counts it: an emoji is one character, not two UTF-16 units. */
export function visibleLength(value: string): number {
  return [...value].length;
}

/** First line of a text, cut to `max` characters with an ellipsis: for one-line summaries. */
export function oneLine(value: string, max = 140): string {
  const line = value.split("\n").find((l) => l.trim() !== "") ?? "";
  const chars = [...line.trim()];
  return chars.length > max
    ? `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`
    : chars.join("");
}
