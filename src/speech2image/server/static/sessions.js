// The sessions page: a grid of stored sessions; open one to see its storyboard, rename it,
// delete it or export it. Reads /api/sessions; the access token (if the server needs one)
// is taken from ?token= or from the live page's sessionStorage, as app.js does.

const params = new URLSearchParams(location.search);
const token = params.get("token") || sessionStorage.getItem("s2i-token") || "";
if (params.get("token")) sessionStorage.setItem("s2i-token", token);

const FORMATS = [
  ["html", "Storyboard", "page"],
  ["mp4", "Video", "MP4"],
  ["gif", "GIF", ""],
  ["zip", "Zip", "pictures + manifest"],
  ["srt", "SRT", "captions"],
  ["vtt", "VTT", "captions"],
];

const $ = (id) => document.getElementById(id);
let sessions = [];
let current = null;

function withToken(url) {
  if (!token) return url;
  return url + (url.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token);
}

async function api(url, options = {}) {
  const response = await fetch(withToken(url), options);
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
    if (response.status === 401) detail = "This server needs an access token: open the link you were given, which ends in ?token=…";
    throw new Error(typeof detail === "string" ? detail : JSON.stringify(detail));
  }
  return response;
}

function showBanner(message) {
  const banner = $("banner");
  banner.textContent = message;
  banner.hidden = !message;
}

function clock(seconds) {
  const s = Math.max(0, Math.round(Number(seconds) || 0));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

function when(iso, short = false) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (!short) return date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  const sameYear = date.getFullYear() === new Date().getFullYear();
  return date.toLocaleString(undefined, {
    month: "short", day: "numeric", hour: "numeric", minute: "2-digit",
    ...(sameYear ? {} : { year: "numeric" }),
  });
}

function el(tag, { dataset = {}, ...props } = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  Object.assign(node.dataset, dataset); // dataset itself is read-only
  for (const child of children) if (child != null) node.append(child);
  return node;
}

// -- the list ---------------------------------------------------------------------------

async function loadList() {
  try {
    sessions = await (await api("/api/sessions")).json();
    showBanner("");
  } catch (error) {
    showBanner(`Could not load the sessions: ${error.message}`);
    sessions = [];
  }
  renderList();
}

function renderList() {
  const filter = $("filter").value.trim().toLowerCase();
  const shown = sessions.filter((s) => !filter || s.title.toLowerCase().includes(filter));
  const sentences = sessions.reduce((sum, s) => sum + s.sentences, 0);
  $("count").textContent = sessions.length
    ? `${sessions.length} session${sessions.length === 1 ? "" : "s"} · ${sentences} sentences`
    : "Nothing stored yet";
  $("empty").hidden = sessions.length > 0;
  $("grid").replaceChildren(...shown.map(card));
}

function card(session) {
  const open = `#${session.id}`;
  const cover = el("a", { className: "cover", href: open, ariaLabel: `Open ${session.title}` });
  if (session.thumbnail_url) {
    cover.append(el("img", { src: withToken(session.thumbnail_url), alt: "", loading: "lazy" }));
  } else {
    cover.append(el("span", { className: "none", textContent: "no pictures" }));
  }
  cover.append(el("span", { className: "length", textContent: clock(session.duration_s) }));
  const rename = el("button", { type: "button", className: "ghost", textContent: "Rename" });
  rename.addEventListener("click", () => askRename(session));
  const remove = el("button", { type: "button", className: "ghost danger", textContent: "Delete" });
  remove.addEventListener("click", () => askDelete(session));
  const openButton = el("button", { type: "button", className: "ghost", textContent: "Open" });
  openButton.addEventListener("click", () => { location.hash = open; });
  return el(
    "li",
    { className: "card", dataset: { id: session.id } },
    cover,
    el(
      "div",
      { className: "body" },
      el("a", { className: "title", href: open, textContent: session.title, title: session.title }),
      el("span", {
        className: "meta",
        textContent: `${session.sentences} sentence${session.sentences === 1 ? "" : "s"} · ${when(session.created, true)}`,
      }),
    ),
    el("div", { className: "actions" }, openButton, rename, remove),
  );
}

// -- one session --------------------------------------------------------------------------

async function openSession(id) {
  try {
    current = await (await api(`/api/sessions/${encodeURIComponent(id)}`)).json();
  } catch (error) {
    showBanner(`Could not open the session: ${error.message}`);
    location.hash = "";
    return;
  }
  showBanner("");
  $("list-view").hidden = true;
  $("detail-view").hidden = false;
  $("detail-title").textContent = current.title;
  document.title = `${current.title} · speech2image`;
  $("detail-meta").textContent =
    `${when(current.created)} · ${current.sentences.length} sentences · ${clock(current.duration_s)}` +
    (current.audio ? " · audio kept" : "");
  renderExports();
  $("board").replaceChildren(...current.sentences.map(frame));
  window.scrollTo(0, 0);
}

function frame(sentence) {
  const picture = sentence.url
    ? el("img", { src: withToken(sentence.url), alt: sentence.text, loading: "lazy" })
    : el("div", { className: "missing", textContent: "no picture" });
  return el(
    "li",
    {},
    el(
      "figure",
      {},
      picture,
      el(
        "figcaption",
        {},
        el("span", { className: "time", textContent: `${clock(sentence.start)}–${clock(sentence.end)}` }),
        sentence.text,
      ),
    ),
  );
}

function renderExports() {
  const buttons = FORMATS.map(([fmt, label, hint]) => {
    const button = el("button", { type: "button", dataset: { format: fmt } }, label);
    if (hint) button.append(el("span", { className: "hint", textContent: hint }));
    button.addEventListener("click", () => download(fmt, button));
    return button;
  });
  $("exports").replaceChildren(el("span", { className: "exports-label", textContent: "Export" }), ...buttons);
}

async function download(fmt, button) {
  button.disabled = true;
  button.classList.add("busy");
  try {
    const response = await api(current.exports[fmt]);
    const blob = await response.blob();
    const disposition = response.headers.get("content-disposition") || "";
    const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] || `${current.id}.${fmt}`;
    const link = el("a", { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  } catch (error) {
    showBanner(`Export failed: ${error.message}`);
  } finally {
    button.disabled = false;
    button.classList.remove("busy");
  }
}

// -- rename and delete --------------------------------------------------------------------

function askRename(session) {
  const dialog = $("rename-dialog");
  $("rename-input").value = session.title;
  dialog.onclose = async () => {
    const title = $("rename-input").value.trim();
    if (dialog.returnValue !== "ok" || !title || title === session.title) return;
    try {
      await api(`/api/sessions/${session.id}`, {
        method: "PATCH",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ title }),
      });
      await refresh(session.id);
    } catch (error) {
      showBanner(`Could not rename: ${error.message}`);
    }
  };
  dialog.showModal();
  $("rename-input").select();
}

function askDelete(session) {
  const dialog = $("delete-dialog");
  $("delete-text").textContent =
    `“${session.title}”: its ${session.sentences} sentences, pictures and audio will be removed for good.`;
  dialog.onclose = async () => {
    if (dialog.returnValue !== "ok") return;
    try {
      await api(`/api/sessions/${session.id}`, { method: "DELETE" });
      if (current && current.id === session.id) location.hash = "";
      await loadList();
    } catch (error) {
      showBanner(`Could not delete: ${error.message}`);
    }
  };
  dialog.showModal();
}

async function refresh(id) {
  await loadList();
  if (current && current.id === id) await openSession(id);
}

// -- routing: #ID opens a session ----------------------------------------------------------

function route() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (/^[0-9A-Za-z]{1,64}$/.test(id)) {
    openSession(id);
  } else {
    current = null;
    document.title = "Sessions · speech2image";
    $("detail-view").hidden = true;
    $("list-view").hidden = false;
  }
}

$("filter").addEventListener("input", renderList);
$("back").addEventListener("click", (event) => { event.preventDefault(); location.hash = ""; });
$("detail-rename").addEventListener("click", () => current && askRename(current));
$("detail-delete").addEventListener("click", () => current && askDelete({ ...current, sentences: current.sentences.length }));
$("live-link").href = withToken("/");
window.addEventListener("hashchange", route);
loadList().then(route);
