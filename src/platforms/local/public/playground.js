// Cohort Bot playground: a tiny chat client over /playground/api. No framework, no build step.
// Every HTML string it inserts comes from the server already escaped; everything else uses textContent.

const $ = (id) => document.getElementById(id);
const state = { as: "", channel: "", lastId: 0, channels: [], polling: null, returnFocus: null, formToken: "" };

async function api(method, path, body) {
  const response = await fetch(`/playground/api/${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(data.error || `Request failed (${response.status})`);
  return data;
}

function showError(error) {
  $("page-error").textContent = error ? String(error.message || error) : "";
}

// --- who am I and channels -----------------------------------------------------------------------------
async function choosePerson(key) {
  state.as = key;
  localStorage.setItem("cohort-playground-as", key);
  // The staff pages (/staff) open for the same person: they read this cookie (src/web/playground-sign-in.ts).
  // biome-ignore lint/suspicious/noDocumentCookie: the server reads it; the Cookie Store API is not in every browser
  document.cookie = `cohort_playground_as=${encodeURIComponent(key)}; path=/; SameSite=Strict`;
  const { channels, home, suggestions } = await api("GET", `channels?as=${encodeURIComponent(key)}`);
  state.channels = channels;
  showSuggestions(suggestions);
  renderChannels();
  // Each person starts where they work: staff in the staff channel, a member in their team's channel.
  await openChannel(home || channels[0].id);
  const info = await api("GET", `state?as=${encodeURIComponent(key)}`);
  showQuickJumps(info.quickJumps);
}

function showSuggestions(list) {
  const box = document.querySelector(".suggestions");
  if (!box || !list) return;
  for (const old of box.querySelectorAll("button[data-suggest]")) old.remove();
  for (const text of list) {
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "chip";
    chip.dataset.suggest = text;
    chip.textContent = text;
    box.append(chip);
  }
}

function renderChannels() {
  const list = $("channel-list");
  list.replaceChildren();
  for (const c of state.channels) {
    const li = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "channel";
    button.dataset.channel = c.id;
    button.title = c.description;
    if (c.id === state.channel) button.setAttribute("aria-current", "true");
    const name = document.createElement("span");
    name.textContent = c.kind === "personal" ? `💬 ${c.name}` : `# ${c.name}`;
    const badge = document.createElement("span");
    badge.className = "badge";
    badge.hidden = !c.unread;
    badge.textContent = c.unread ? `${c.unread} new` : "";
    button.append(name, badge);
    li.append(button);
    list.append(li);
  }
}

async function openChannel(id) {
  state.channel = id;
  state.lastId = 0;
  const channel = state.channels.find((c) => c.id === id);
  if (channel) channel.unread = 0;
  renderChannels();
  $("channel-title").textContent = channel ? (channel.kind === "personal" ? channel.name : `# ${channel.name}`) : id;
  $("channel-description").textContent = channel ? channel.description : "";
  $("messages").replaceChildren();
  await refreshMessages();
}

// --- messages --------------------------------------------------------------------------------------------
async function refreshMessages() {
  if (!state.as || !state.channel) return;
  const channel = state.channel;
  const { messages, clock } = await api(
    "GET",
    `messages?as=${encodeURIComponent(state.as)}&channel=${encodeURIComponent(channel)}&after=${state.lastId}`,
  );
  if (channel !== state.channel) return; // switched channel while waiting
  showClock(clock);
  const list = $("messages");
  for (const m of messages) {
    if (m.id <= state.lastId) continue;
    state.lastId = m.id;
    list.append(renderMessage(m));
  }
  if (messages.length) list.lastElementChild?.scrollIntoView({ block: "end" });
}

function renderMessage(m) {
  const li = document.createElement("li");
  li.className = `message${m.fromBot ? " from-bot" : ""}${m.mine ? " mine" : ""}${m.private ? " private" : ""}`;
  li.dataset.id = String(m.id);
  const meta = document.createElement("p");
  meta.className = "meta";
  const author = document.createElement("strong");
  author.textContent = m.author;
  const time = document.createElement("time");
  time.dateTime = m.at;
  time.textContent = m.time;
  meta.append(author, " ", time);
  if (m.private) {
    const note = document.createElement("span");
    note.className = "only-you";
    note.textContent = "Only visible to you";
    meta.append(" ", note);
  }
  const body = document.createElement("div");
  body.className = "body";
  body.innerHTML = m.html; // escaped by the server's renderer
  li.append(meta, body);
  return li;
}

// --- sending, buttons and forms --------------------------------------------------------------------------
async function handleReply(reply) {
  if (reply.form) openForm(reply.form.token, reply.form.html);
  await refreshMessages();
}

async function send(text) {
  showError("");
  const reply = await api("POST", "send", { as: state.as, channel: state.channel, text });
  await handleReply(reply);
}

async function pressButton(button) {
  showError("");
  state.returnFocus = button;
  const reply = await api("POST", "action", {
    as: state.as,
    channel: state.channel,
    action: button.dataset.action,
    value: button.dataset.value || undefined,
    // The message the button is on: a decided join request's card is replaced by the decision.
    source: Number(button.closest("li[data-id]")?.dataset.id) || undefined,
  });
  if (reply.replaced) {
    document.querySelector(`#messages li[data-id="${reply.replaced.id}"]`)?.replaceWith(renderMessage(reply.replaced));
    // The pressed button is gone with the old card: keyboard focus goes back to the composer.
    state.returnFocus = null;
    $("composer-text").focus();
  }
  await handleReply(reply);
}

function openForm(token, html) {
  state.formToken = token;
  const dialog = $("form-dialog");
  if (!state.returnFocus) state.returnFocus = document.activeElement;
  $("dialog-body").innerHTML = html;
  if (!dialog.open) dialog.showModal();
  focusFirst(dialog);
}

function focusFirst(dialog) {
  const target =
    dialog.querySelector("[aria-invalid='true']") ||
    dialog.querySelector(".form-error") ||
    dialog.querySelector("input, textarea, select");
  if (target?.classList.contains("form-error")) target.tabIndex = -1;
  target?.focus();
}

async function submitOpenForm(form) {
  const values = {};
  for (const element of form.elements) if (element.name) values[element.name] = element.value;
  const submit = form.querySelector("button[type='submit']");
  submit.disabled = true;
  try {
    const result = await api("POST", "form", { as: state.as, token: state.formToken, values });
    if (result.ok) {
      $("form-dialog").close();
      await refreshMessages();
      // A submitted update changes what the scheduler will send next (no more nudges for this team).
      showQuickJumps((await api("GET", `state?as=${encodeURIComponent(state.as)}`)).quickJumps);
    } else {
      $("dialog-body").innerHTML = result.html;
      focusFirst($("form-dialog"));
    }
  } catch (error) {
    $("form-dialog").close();
    showError(error);
  } finally {
    submit.disabled = false;
  }
}

// --- the clock -------------------------------------------------------------------------------------------
function showClock(clock) {
  if (!clock) return;
  $("clock-now").textContent = clock.label;
  $("clock-form").hidden = !clock.adjustable;
}

function showQuickJumps(jumps) {
  const box = $("quick-jumps");
  box.replaceChildren();
  for (const jump of jumps || []) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = jump.next ? "chip chip-next" : "chip";
    button.dataset.jump = jump.to;
    button.textContent = jump.label;
    box.append(button);
  }
}

async function jump(to) {
  showError("");
  $("clock-status").textContent = "Moving the clock and running the scheduler…";
  const result = await api("POST", "clock", { to, as: state.as });
  const { tick } = result;
  showClock(result.clock);
  $("clock-to").value = result.clock.wall;
  showQuickJumps(result.quickJumps);
  for (const a of result.arrived) {
    const channel = state.channels.find((c) => c.id === a.channel);
    if (channel && a.channel !== state.channel) channel.unread = (channel.unread || 0) + a.count;
  }
  renderChannels();
  const names = result.arrived.map((a) => `${a.name} (${a.count})`);
  const where =
    names.length > 4 ? `${names.slice(0, 3).join(", ")} and ${names.length - 3} more channels` : names.join(", ");
  const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const waiting = tick.deferred ? ` ${plural(tick.deferred, "message")} will wait for the next allowed time.` : "";
  const quiet = result.quiet ? ` Nothing is sent during ${result.quiet}.` : "";
  $("clock-status").textContent =
    `Now ${result.clock.label}. Scheduler sent ${plural(tick.sent, "message")}` +
    (where ? `; new in ${where}.` : ".") +
    quiet +
    waiting;
  await refreshMessages();
}

// --- wiring ----------------------------------------------------------------------------------------------
function guard(fn) {
  return (...args) => fn(...args).catch(showError);
}

async function start() {
  const who = $("who");
  const saved = localStorage.getItem("cohort-playground-as");
  if (saved && [...who.options].some((o) => o.value === saved)) who.value = saved;
  who.addEventListener(
    "change",
    guard(() => choosePerson(who.value)),
  );

  $("channel-list").addEventListener(
    "click",
    guard(async (event) => {
      const button = event.target.closest("button[data-channel]");
      if (button) await openChannel(button.dataset.channel);
    }),
  );
  $("messages").addEventListener(
    "click",
    guard(async (event) => {
      const button = event.target.closest("button[data-action]");
      if (button) await pressButton(button);
    }),
  );
  $("composer").addEventListener(
    "submit",
    guard(async (event) => {
      event.preventDefault();
      const input = $("composer-text");
      const text = input.value.trim();
      if (!text) return;
      input.value = "";
      state.returnFocus = input;
      await send(text);
    }),
  );
  document.querySelector(".suggestions").addEventListener(
    "click",
    guard(async (event) => {
      const chip = event.target.closest("button[data-suggest]");
      if (!chip) return;
      state.returnFocus = $("composer-text");
      await send(chip.dataset.suggest);
    }),
  );

  const dialog = $("form-dialog");
  dialog.addEventListener(
    "submit",
    guard(async (event) => {
      event.preventDefault();
      await submitOpenForm(event.target);
    }),
  );
  dialog.addEventListener("click", (event) => {
    if (event.target.closest("[data-dialog-cancel]")) dialog.close();
  });
  dialog.addEventListener("close", () => {
    state.returnFocus?.focus?.();
    state.returnFocus = null;
  });

  $("clock-form").addEventListener(
    "submit",
    guard(async (event) => {
      event.preventDefault();
      await jump($("clock-to").value);
    }),
  );
  $("quick-jumps").addEventListener(
    "click",
    guard(async (event) => {
      const button = event.target.closest("button[data-jump]");
      if (button) await jump(button.dataset.jump);
    }),
  );

  const info = await api("GET", "state");
  showClock(info.clock);
  $("clock-to").value = info.clock.wall;
  await choosePerson(who.value);
  state.polling = setInterval(() => refreshMessages().catch(() => {}), 1500);
}

start().catch(showError);
