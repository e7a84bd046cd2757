#!/usr/bin/env bash
# Sixty seconds each of digital silence, white noise and room tone, with sox, for
# `speech2image bench asr` (every one must give zero words). Not committed.
# Usage: scripts/make-noise-audio.sh OUT_DIR [SECONDS]
#   silence.flac    digital zeros
#   white.flac      white noise, RMS about -27 dBFS (a loud fan or hiss)
#   room_tone.flac  brown noise low-passed at 400 Hz, RMS about -49 dBFS, with a faint 50 Hz
#                   hum and its 100 Hz harmonic: a quiet room with mains equipment running
set -euo pipefail
out=${1:?usage: scripts/make-noise-audio.sh OUT_DIR [SECONDS]}
seconds=${2:-60}
mkdir -p "$out"
fmt=(-r 16000 -c 1 -b 16)
sox -n -D "${fmt[@]}" "$out/silence.flac" trim 0 "$seconds"
sox -n "${fmt[@]}" "$out/white.flac" synth "$seconds" whitenoise gain -n -17
sox -n "${fmt[@]}" "$out/room_tone.flac" synth "$seconds" brownnoise synth "$seconds" \
  sine mix 50 synth "$seconds" sine mix 100 lowpass 400 gain -n -42
for f in silence white room_tone; do
  printf '%-10s %s s, RMS %s dB\n' "$f" "$(soxi -D "$out/$f.flac")" \
    "$(sox "$out/$f.flac" -n stats 2>&1 | awk '/RMS lev dB/ {print $4}')"
done
