import type { Programme } from "../../../core/programme/types.js";
import type { PlaygroundPerson } from "../playground-directory.js";
import { escapeHtml } from "./escape-html.js";

/**
 * The playground page: server-rendered shell (programme name, the "who am I" list) that the small script
 * in public/playground.js brings to life. No build step; every dynamic string is escaped.
 */
export function renderPlaygroundPage(input: {
  programme: Programme;
  people: PlaygroundPerson[];
  clockLabel: string;
}): string {
  const { programme } = input;
  const name = escapeHtml(programme.name);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name} · Cohort Bot playground</title>
<link rel="stylesheet" href="/playground/static/playground.css">
<script type="module" src="/playground/static/playground.js"></script>
</head>
<body>
<a class="skip-link" href="#composer-text">Skip to the message box</a>
<header class="top">
  <div class="brand">
    <h1>${name}</h1>
    <p class="subtitle">Cohort Bot playground${programme.organisation ? ` · ${escapeHtml(programme.organisation)}` : ""} · sample data, nothing leaves this computer</p>
  </div>
  <div class="who">
    <label for="who">I am</label>
    <select id="who">${peopleOptions(input.people)}</select>
    <a href="/staff">Staff pages</a>
  </div>
</header>
<section class="clock" aria-labelledby="clock-heading">
  <h2 id="clock-heading" class="visually-hidden">Playground clock</h2>
  <p class="clock-now">Playground time: <strong id="clock-now">${escapeHtml(input.clockLabel)}</strong></p>
  <form id="clock-form" class="clock-form">
    <label for="clock-to">Jump to</label>
    <input type="datetime-local" id="clock-to" required>
    <button type="submit" class="btn">Jump</button>
  </form>
  <div id="quick-jumps" class="quick-jumps" role="group" aria-label="Quick jumps"></div>
  <p id="clock-status" class="clock-status" role="status"></p>
</section>
<div class="layout">
  <nav class="sidebar" aria-labelledby="channels-heading">
    <h2 id="channels-heading">Channels</h2>
    <ul id="channel-list" class="channel-list"></ul>
  </nav>
  <main class="chat">
    <div class="chat-head">
      <h2 id="channel-title">…</h2>
      <p id="channel-description" class="channel-description"></p>
    </div>
    <ol id="messages" class="messages" aria-live="polite" aria-relevant="additions" aria-labelledby="channel-title"></ol>
    <form id="composer" class="composer">
      <label for="composer-text" class="visually-hidden">Message to Cohort Bot</label>
      <input id="composer-text" type="text" autocomplete="off" maxlength="4000"
        placeholder="Ask a question, or type /cohort help">
      <button type="submit" class="btn btn-primary">Send</button>
    </form>
    <div class="suggestions" role="group" aria-label="Try">
      <span>Try:</span>
      ${["help", "next", "update", "status", "How much grant does each team get?"]
        .map((s) => `<button type="button" class="chip" data-suggest="${escapeHtml(s)}">${escapeHtml(s)}</button>`)
        .join("")}
    </div>
    <p id="page-error" class="page-error" role="alert"></p>
  </main>
</div>
<dialog id="form-dialog" aria-labelledby="dialog-title"><div id="dialog-body"></div></dialog>
</body>
</html>`;
}

function peopleOptions(people: PlaygroundPerson[]): string {
  // Start as a team member: they can send an update straight away; staff is one pick away.
  const first = people.find((p) => p.role === "member" && p.teamKey)?.key;
  const groups = new Map<string, PlaygroundPerson[]>();
  for (const p of people) {
    const group =
      p.role === "staff" ? "Programme staff" : p.role === "coach" ? "QI coaches" : (p.teamName ?? "No team");
    groups.set(group, [...(groups.get(group) ?? []), p]);
  }
  return [...groups]
    .map(
      ([label, list]) =>
        `<optgroup label="${escapeHtml(label)}">${list
          .map(
            (p) =>
              `<option value="${escapeHtml(p.key)}"${p.key === first ? " selected" : ""}>${escapeHtml(p.name)}</option>`,
          )
          .join("")}</optgroup>`,
    )
    .join("");
}
