import { h } from "./html.js";
import { STAFF_CSS } from "./staff-css.js";

export type NavLink = { href: string; label: string; current?: boolean };

/**
 * The page shell for the staff pages and the report. Pages link the stylesheet (the CSP allows only
 * same-origin styles and no scripts at all); the report inlines it so the one file stands alone.
 */
export function layout(input: {
  title: string;
  brand: string;
  who?: string;
  nav?: NavLink[];
  body: string;
  css: "link" | "inline";
}): string {
  const style =
    input.css === "inline" ? `<style>${STAFF_CSS}</style>` : `<link rel="stylesheet" href="/staff/static/staff.css">`;
  const nav = input.nav?.length
    ? `<nav class="pages" aria-label="Staff pages"><ul>${input.nav
        .map((l) => `<li><a href="${h(l.href)}"${l.current ? ' aria-current="page"' : ""}>${h(l.label)}</a></li>`)
        .join("")}</ul></nav>`
    : "";
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(input.title)}</title>
${style}
</head>
<body>
<a class="skip-link" href="#main">Skip to the content</a>
<header class="top">
<p class="brand">${h(input.brand)}</p>
${input.who ? `<p class="who">${h(input.who)}</p>` : ""}
${nav}
</header>
<main id="main">
${input.body}
</main>
</body>
</html>`;
}
