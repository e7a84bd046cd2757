// The live page: microphone → /ws → transcript, current picture and storyboard.
// All text from the server is shown with textContent, never as HTML.

import { Outbox } from "./outbox.js";

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const token = params.get("token") || sessionStorage.getItem("s2i-token") || "";
if (params.get("token")) sessionStorage.setItem("s2i-token", token);

const ui = {
  start: $("start-button"),
  stop: $("stop-button"),
  style: $("style-select"),
  pack: $("pack-select"),
  asr: $("asr-select"),
  language: $("language-select"),
  transcript: $("transcript"),
  hint: $("transcript-hint"),
  partial: $("partial"),
  image: $("current-image"),
  placeholder: $("placeholder"),
  draftBadge: $("draft-badge"),
  storyboard: $("storyboard"),
  form: $("text-form"),
  input: $("text-input"),
  banner: $("banner"),
  status: $("status"),
  statusText: $("status-text"),
};

const state = {
  ws: null,
  sessionId: null,
  wantOpen: false,     // the user has a session going (reconnect if the socket drops)
  stopping: false,
  retries: 0,
  sampleRate: null,    // the rate this session's "start" declared
  mic: null,           // {stream, context, node}
  latestFinal: -1,
};

function withToken(url) {
  if (!token) return url;
  return url + (url.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(token);
}

function setStatus(kind, text) {
  ui.status.dataset.kind = kind;
  ui.statusText.textContent = text;
}

function showBanner(text, kind = "error") {
  ui.banner.textContent = text;
  ui.banner.dataset.kind = kind;
  ui.banner.hidden = false;
}

function hideBanner() {
  ui.banner.hidden = true;
}

async function loadConfig() {
  try {
    const response = await fetch(withToken("/api/config"));
    if (response.status === 401) {
      showBanner("This server needs an access token: open the link you were given, which ends in ?token=…");
      ui.start.disabled = true;
      return;
    }
    const config = await response.json();
    fill(ui.style, config.styles, "flat");
    fill(ui.pack, config.packs, "openmoji");
    fill(ui.asr, config.asr, "local");
    $("asr-picker").hidden = !config.asr || config.asr.length < 2;
    // The server's own language comes first; "auto" lets Whisper tell.
    const languages = config.languages || ["en"];
    fill(ui.language, languages, languages[0], languageName);
    $("language-picker").hidden = languages.length < 2;
    if (!config.history) $("sessions-link").hidden = true;
    // The server's limit, not a copy of it: a longer sentence would only be refused.
    if (Number.isInteger(config.max_text_chars) && config.max_text_chars > 0) {
      ui.input.maxLength = config.max_text_chars;
    }
  } catch {
    showBanner("Cannot reach the speech2image server. Is it still running?");
  }
}

function fill(select, values, preferred, label = (value) => value.replace(/[_-]/g, " ")) {
  select.replaceChildren();
  for (const value of values || []) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label(value);
    option.selected = value === preferred;
    select.append(option);
  }
  select.disabled = !values || values.length < 2;
}

// "de" reads "German" (in the browser's own language); "auto" lets Whisper tell.
function languageName(code) {
  if (code === "auto") return "Detect";
  try {
    return new Intl.DisplayNames([navigator.language || "en"], { type: "language" }).of(code);
  } catch {
    return code;
  }
}

// -- connection -------------------------------------------------------------------------

function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const ws = new WebSocket(withToken(`${scheme}://${location.host}/ws`));
  ws.binaryType = "arraybuffer";
  state.ws = ws;
  setStatus("connecting", state.sessionId ? "Reconnecting…" : "Connecting…");
  ws.onopen = () => {
    // The microphone's context runs at the device's own rate (Firefox will not connect a
    // microphone to a context at another); the server resamples it to 16 kHz.
    if (!state.sessionId) state.sampleRate = state.mic ? state.mic.context.sampleRate : deviceSampleRate();
    const start = {
      type: "start",
      sample_rate: Math.round(state.sampleRate),
      style: ui.style.value || null,
      pack: ui.pack.value || null,
      asr: ui.asr.value || null,
      language: ui.language.value || null,
    };
    if (state.sessionId) start.session = state.sessionId;
    ws.send(JSON.stringify(start));
  };
  ws.onmessage = (event) => onMessage(JSON.parse(event.data));
  ws.onclose = (event) => onClose(ws, event);
}

function isOpen() {
  const ws = state.ws;
  return Boolean(ws && ws.readyState === WebSocket.OPEN && state.sessionId);
}

const outbox = new Outbox({
  socket: () => (isOpen() ? state.ws : null),
  wanted: () => state.wantOpen,
  onDropped: (seconds) => showBanner(`The connection was gone so long that ${seconds} s of audio were lost.`, "warning"),
});

function send(message) {
  outbox.send(message);
}

let probedRate = null;

function deviceSampleRate() {
  // The rate a default AudioContext gets here, so that a microphone started later in a
  // session opened by typing runs at the rate the session declared.
  if (probedRate === null) {
    try {
      const probe = new AudioContext();
      probedRate = probe.sampleRate;
      probe.close();
    } catch {
      probedRate = 16000;
    }
  }
  return probedRate;
}

function onClose(ws, event) {
  if (ws !== state.ws) return;
  state.ws = null;
  if (!state.wantOpen) {
    // Closed on purpose (after "done" says "Saved", or after an error): keep that status.
    if (ui.status.dataset.kind !== "idle") setStatus("idle", "Ready");
    return;
  }
  // Dropped without "done": reconnect and keep the session.
  const delay = Math.min(8000, 500 * 2 ** state.retries++);
  showBanner(`Connection lost. Reconnecting in ${Math.round(delay / 1000) || 1} s… your session is kept.`, "warning");
  setStatus("connecting", "Reconnecting…");
  setTimeout(() => { if (state.wantOpen && !state.ws) connect(); }, delay);
}

function onMessage(message) {
  switch (message.type) {
    case "session":
      if (state.sessionId && state.sessionId !== message.id) resetBoard();
      state.sessionId = message.id;
      state.retries = 0;
      hideBanner();
      setStatus("live", state.mic ? "Listening" : "Connected");
      outbox.drain();
      break;
    case "partial":
      ui.partial.textContent = message.text ? " " + message.text : "";
      ui.hint.hidden = true;
      break;
    case "final":
      addSentence(message);
      break;
    case "image":
      showImage(message);
      break;
    case "error":
      onError(message);
      break;
    case "done":
      state.wantOpen = false;
      state.sessionId = null;
      outbox.clear();
      setStatus("idle", "Saved");
      ui.start.disabled = false;
      ui.stop.disabled = true;
      break;
  }
}

// The server's error codes (docs/protocol.md) that change what the page does; the
// message is only shown.
const RESUME_GONE = "session_not_found";
const SERVER_BUSY = "server_busy";

function onError({ code, message }) {
  if (code === RESUME_GONE) {
    // The server finished the old session while we were away: start a new one (the audio
    // kept meanwhile goes to it).
    state.sessionId = null;
    showBanner("The connection was gone too long, so that session was saved and a new one started.", "warning");
    return;
  }
  if (code === SERVER_BUSY) {
    state.wantOpen = false;
    stopMic();
    ui.start.disabled = false;
    ui.stop.disabled = true;
  }
  showBanner(message);
}

// -- microphone --------------------------------------------------------------------------

async function startMic() {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    throw Object.assign(new Error("This browser cannot record audio here (it needs https or localhost)."), { name: "Unsupported" });
  }
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  });
  // The device's own rate; only a session already declared at another rate (opened by
  // typing, then the output device changed) asks the browser to resample.
  let context = new AudioContext();
  if (state.sessionId && state.sampleRate && context.sampleRate !== state.sampleRate) {
    context.close();
    context = new AudioContext({ sampleRate: state.sampleRate });
  }
  await context.audioWorklet.addModule("/static/pcm-worklet.js");
  const source = context.createMediaStreamSource(stream);
  const node = new AudioWorkletNode(context, "pcm-sender");
  node.port.onmessage = (event) => outbox.sendAudio(event.data);
  // Browsers only pull nodes that lead to the speakers: route it there through silence.
  const mute = context.createGain();
  mute.gain.value = 0;
  source.connect(node).connect(mute).connect(context.destination);
  await context.resume();
  state.mic = { stream, context, node };
}

function stopMic() {
  if (!state.mic) return;
  state.mic.node.port.onmessage = null;
  state.mic.stream.getTracks().forEach((track) => track.stop());
  state.mic.context.close();
  state.mic = null;
  ui.start.classList.remove("recording");
}

function micMessage(error) {
  if (error.name === "NotAllowedError" || error.name === "SecurityError") {
    return "Microphone access was denied. Allow the microphone for this page in the browser's site settings, or type a sentence below.";
  }
  if (error.name === "NotFoundError" || error.name === "OverconstrainedError") {
    return "No microphone was found. Plug one in and press Start again, or type a sentence below.";
  }
  if (error.name === "NotReadableError") {
    return "The microphone is busy in another program. Close it there and press Start again.";
  }
  return `The microphone could not start: ${error.message}`;
}

function openSession() {
  if (!state.wantOpen) {
    state.wantOpen = true;
    state.stopping = false;
    connect();
  }
}

ui.start.addEventListener("click", async () => {
  hideBanner();
  ui.start.disabled = true;
  try {
    await startMic();
  } catch (error) {
    showBanner(micMessage(error));
    ui.start.disabled = false;
    return;
  }
  openSession();
  ui.start.classList.add("recording");
  ui.stop.disabled = false;
  // "Listening" only once the session is open ("session" says so); until then the status
  // says the socket is connecting, and the audio waits in the backlog.
  if (isOpen()) setStatus("live", "Listening");
});

ui.stop.addEventListener("click", () => {
  stopMic();
  ui.stop.disabled = true;
  state.stopping = true;
  setStatus("connecting", "Finishing…");
  send(JSON.stringify({ type: "stop" }));
});

ui.form.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = ui.input.value.trim();
  if (!text) return;
  ui.input.value = "";
  openSession();
  ui.stop.disabled = false;
  send(JSON.stringify({ type: "text", text }));
});

// -- transcript, picture, storyboard -----------------------------------------------------

function addSentence(message) {
  ui.hint.hidden = true;
  ui.partial.textContent = "";
  const line = document.createElement("span");
  line.className = "final";
  line.dataset.index = message.index;
  line.textContent = message.text + " ";
  if (message.english) line.title = message.english; // the pictures follow the translation
  ui.transcript.insertBefore(line, ui.partial);
  ui.transcript.scrollTop = ui.transcript.scrollHeight;

  const card = document.createElement("li");
  card.className = "frame pending";
  card.id = `frame-${message.index}`;
  const figure = document.createElement("div");
  figure.className = "thumb";
  const caption = document.createElement("p");
  caption.textContent = message.text;
  if (message.english) caption.title = message.english;
  card.append(figure, caption);
  ui.storyboard.append(card);
  ui.storyboard.scrollTo({ left: ui.storyboard.scrollWidth, behavior: "smooth" });
}

function showImage(message) {
  const url = withToken(message.url);
  if (message.final) {
    state.latestFinal = Math.max(state.latestFinal, message.index);
    const card = $(`frame-${message.index}`);
    if (card) {
      const img = document.createElement("img");
      img.src = url;
      img.alt = card.querySelector("p").textContent;
      card.querySelector(".thumb").replaceChildren(img);
      card.classList.remove("pending");
    }
    if (message.index < state.latestFinal) return;
  } else if (message.index <= state.latestFinal) {
    return; // a late draft of a sentence that is already final
  }
  ui.image.src = url;
  ui.image.alt = message.scene && message.scene.text ? message.scene.text : "";
  ui.image.hidden = false;
  ui.image.classList.toggle("draft", !message.final);
  ui.image.dataset.final = String(message.final);
  ui.placeholder.hidden = true;
  ui.draftBadge.hidden = message.final;
}

function resetBoard() {
  ui.storyboard.replaceChildren();
  for (const line of ui.transcript.querySelectorAll(".final")) line.remove();
  state.latestFinal = -1;
}

window.addEventListener("beforeunload", () => stopMic());
setStatus("idle", "Ready");
loadConfig();
