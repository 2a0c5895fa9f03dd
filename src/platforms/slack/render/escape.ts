/**
 * Slack parses mrkdwn in `text` fields: `<!channel>`, `<@U123>` and `<https://x|label>` are control
 * sequences, and Slack's own rule is that `&`, `<` and `>` must be sent as HTML entities. Every user
 * string goes through `escapeMrkdwn` so typed text can never ping, mention or spoof a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Inside a formatted span the marker itself would end the span early (`*a*b*`), letting user text
 * restyle what follows. Swap it for a look-alike so the span stays closed where we close it.
 */
const LOOKALIKE: Record<string, string> = { "*": "∗", _: "＿", "`": "ˋ", "~": "∼" };

export function formatSpan(marker: "*" | "_" | "`", text: string): string {
  const inner = escapeMrkdwn(text)
    .replaceAll(marker, LOOKALIKE[marker] ?? "")
    .trim();
  // An empty span (`**`) renders literally; drop it rather than show stray markers.
  return inner ? `${marker}${inner}${marker}` : "";
}

/** Only web and mail links become Slack links; anything else (javascript:, slack://) stays plain text. */
export function safeUrl(url: string): string | null {
  if (!/^(https?:\/\/|mailto:)/i.test(url)) return null;
  // `|` ends the URL part of `<url|label>` and `>` the whole link: encode both, escape the rest.
  return escapeMrkdwn(url.replace(/\|/g, "%7C").replace(/\s/g, "%20"));
}

/** Cuts text to Slack's per-field limits, marking the cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
