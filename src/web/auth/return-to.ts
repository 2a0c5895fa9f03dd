export const DEFAULT_RETURN_TO = "/staff";

/**
 * Where to go after signing in: a path on this server only. Anything that could leave it (an absolute URL,
 * `//evil.example`, `/\evil.example`, control characters) becomes the staff overview: no open redirect.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith("/") || value.startsWith("//")) return DEFAULT_RETURN_TO;
  // Browsers treat "\" as "/" and drop tabs and newlines, so "/\evil" and "/\t/evil" also mean another host.
  if ([...value].some((c) => c === "\\" || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return DEFAULT_RETURN_TO;
  const base = "http://this.invalid";
  let parsed: URL;
  try {
    parsed = new URL(value, base);
  } catch {
    return DEFAULT_RETURN_TO;
  }
  if (parsed.origin !== base) return DEFAULT_RETURN_TO;
  return `${parsed.pathname}${parsed.search}`;
}
