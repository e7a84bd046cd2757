// What the page sends, in order, across a socket that may not be open: audio frames heard
// while it (re)connects wait in a bounded backlog and go once the session is open, paced so
// the server's speed limit is kept; messages (a typed sentence, "stop") wait behind them.

// About 30 s of 100 ms frames: longer than the server waits for a dropped page (30 s by
// default), and a few megabytes at most whatever the device's rate.
export const MAX_BACKLOG_FRAMES = 300;
// The backlog is sent at twice real time (live frames queue behind it, so the total is
// twice real time too): the server ends a session whose audio arrives faster than 4x.
const BACKLOG_SPEED = 2;
const FRAME_MS = 100;

export class Outbox {
  // socket(): the open socket of an open session, or null; wanted(): whether a session is
  // wanted at all (audio heard with none wanted is dropped).
  constructor({ socket, wanted, onDropped }) {
    this.socket = socket;
    this.wanted = wanted;
    this.onDropped = onDropped;
    this.backlog = [];
    this.pending = [];
    this.dropped = 0;
    this.timer = null;
  }

  send(message) {
    const ws = this.socket();
    if (ws && !this.backlog.length) ws.send(message);
    else this.pending.push(message);
  }

  sendAudio(frame) {
    const ws = this.socket();
    if (ws && !this.backlog.length) {
      ws.send(frame);
      return;
    }
    if (!this.wanted()) return;
    this.backlog.push(frame);
    if (this.backlog.length > MAX_BACKLOG_FRAMES) {
      this.backlog.shift(); // the oldest goes: the newest words matter most
      this.dropped++;
    }
  }

  // The session (re)opened: send the backlog in order, paced, then what waited behind it.
  drain() {
    if (this.dropped) {
      this.onDropped(Math.round((this.dropped * FRAME_MS) / 1000));
      this.dropped = 0;
    }
    if (this.timer) return;
    let last = performance.now();
    const tick = () => {
      const ws = this.socket();
      if (!ws) return this.stopDraining(); // dropped again: the rest waits for the next open
      const now = performance.now();
      // A throttled background tab ticks late and catches up.
      let frames = Math.max(1, Math.round(((now - last) / FRAME_MS) * BACKLOG_SPEED));
      last = now;
      while (frames-- > 0 && this.backlog.length) ws.send(this.backlog.shift());
      if (this.backlog.length) return;
      this.stopDraining();
      for (const message of this.pending.splice(0)) ws.send(message);
    };
    this.timer = setInterval(tick, FRAME_MS);
    tick();
  }

  stopDraining() {
    clearInterval(this.timer);
    this.timer = null;
  }

  // The session is over: nothing left is worth sending.
  clear() {
    this.stopDraining();
    this.backlog = [];
    this.pending = [];
    this.dropped = 0;
  }
}
