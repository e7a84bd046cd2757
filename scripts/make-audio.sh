#!/usr/bin/env bash
# Regenerates the committed recordings with espeak-ng and sox (Debian packages).
# Usage: scripts/make-audio.sh   (writes samples/ and tests/data/)
# Sentences are separated by SSML breaks of 700 ms, the pause of a person reading aloud;
# 0.3 s of silence either side keeps the first and last words whole.
set -euo pipefail
cd "$(dirname "$0")/.."

speak() {  # speak OUT.flac SPEED "sentence" ["sentence" ...]
  local out=$1 speed=$2 tmp ssml="<speak>"
  shift 2
  for sentence in "$@"; do ssml+="$sentence<break time=\"700ms\"/>"; done
  ssml+="</speak>"
  tmp=$(mktemp --suffix=.wav)
  espeak-ng -m -v en-us -s "$speed" -w "$tmp" "$ssml"
  sox "$tmp" -r 16000 -c 1 -b 16 "$out" pad 0.3 0.3
  rm -f "$tmp"
}

# The sample `make run` uses: about 45 seconds of read prose, a short picture story.
speak samples/story.flac 150 \
  "A little girl walks through the green forest on a sunny morning." \
  "She finds a small brown dog under a tall tree." \
  "The dog is hungry, so she gives it an apple." \
  "Together they walk to the beach beside the blue sea." \
  "Two white boats float on the water." \
  "A red kite flies high above the sand." \
  "In the evening the sky turns orange at sunset." \
  "The girl and the dog sit next to a warm fire and eat three cookies." \
  "At night the moon and the stars shine over the quiet house." \
  "Inside, a black cat sleeps on a soft blue sofa." \
  "The girl reads a book about a big elephant and a tiny mouse." \
  "In the morning a yellow bus takes her to school in the city."

# Tests: three short sentences.
speak tests/data/three_sentences.flac 145 \
  "A red car is parked next to a big tree." \
  "The cat sleeps on the sofa." \
  "Two birds fly over the house."

# Tests: one sentence, for browser and protocol tests.
speak tests/data/one_sentence.flac 145 "The brown dog plays in the green park."
