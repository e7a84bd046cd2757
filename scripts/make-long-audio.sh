#!/usr/bin/env bash
# A long recording for `speech2image bench asr` (does latency or memory grow over time?):
# espeak-ng sentences in the voice of scripts/make-audio.sh, each followed by a 0.7 s pause,
# each round in a new order and at a new pace (140 to 160 words a minute), until MINUTES
# have been spoken. Not committed.
# Usage: scripts/make-long-audio.sh OUT_DIR [MINUTES]   (writes long.flac and long.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/make-long-audio.sh OUT_DIR [MINUTES]}
minutes=${2:-10}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mapfile -t pool < <(sed 's/\([.?!]\) /\1\n/g' samples/story.txt)
pool+=(
  "The old fisherman pulls his net onto the wooden pier."
  "Three green frogs sit on a lily pad in the pond."
  "A tall giraffe eats leaves from the top of a tree."
  "The children build a sandcastle next to the waves."
  "A red fox hides behind a pile of autumn leaves."
  "Two owls watch the moon from an old barn."
  "The baker puts a warm loaf of bread on the table."
  "A small boat sails across the lake at dawn."
  "An astronaut floats above the earth in her white suit."
  "A brown horse gallops across the snowy field."
  "The farmer feeds the chickens before breakfast."
  "A blue whale swims past a ship in the ocean."
)

sentences=()
total=0
n=0
round=0
while awk -v t="$total" -v m="$minutes" 'BEGIN {exit !(t < m * 60)}'; do
  speed=$((140 + (round * 7) % 21))
  mapfile -t order < <(printf '%s\n' "${pool[@]}" | shuf --random-source=<(yes "$round"))
  for s in "${order[@]}"; do
    file=$(printf '%s/%05d.wav' "$tmp" "$n")
    espeak-ng -v en-us -s "$speed" -w "$tmp/say.wav" "$s"
    sox "$tmp/say.wav" -r 16000 -c 1 -b 16 "$file" pad 0 0.7  # the pause after a sentence
    total=$(awk -v t="$total" -v d="$(soxi -D "$file")" 'BEGIN {print t + d}')
    sentences+=("$s")
    n=$((n + 1))
    if awk -v t="$total" -v m="$minutes" 'BEGIN {exit !(t >= m * 60)}'; then break; fi
  done
  round=$((round + 1))
done
sox "$tmp"/0*.wav "$out/long.flac" pad 0.3 0
printf '%s\n' "${sentences[@]}" >"$out/long.txt"
echo "$out/long.flac: $(soxi -D "$out/long.flac") s, ${#sentences[@]} sentences"
