#!/usr/bin/env bash
# Writes DIR/read30.flac and DIR/read30.txt: 30 sentences of read prose (138 s), five
# espeak-ng voices in turn, each sentence followed by a 0.7 s pause. The set the encoder
# window and the prompt were chosen on (docs/benchmarks.md, asr).
# Usage: scripts/make-eval-audio.sh DIR
set -euo pipefail
dir=${1:?usage: scripts/make-eval-audio.sh DIR}
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
voices=(en-us en-us+f3 en-gb en-us+m3 en-gb-x-rp)
sentences=(
  "The old man walked slowly down the road toward the village."
  "We should meet again next week to talk about the budget."
  "A small boat drifted across the lake in the early light."
  "She opened the window and listened to the rain on the roof."
  "The children built a castle of sand near the water."
  "My brother plays the guitar in a band on weekends."
  "There is a bright red apple on the kitchen table."
  "The train to the city leaves at half past seven."
  "A brown horse is eating grass in the field behind the barn."
  "He forgot his umbrella at the station this morning."
  "The teacher wrote a long list of words on the board."
  "Three cows stood under a tree in the shade."
  "Please remember to turn off the lights when you leave."
  "A deer jumped over the fence and ran into the woods."
  "The pilot said the plane would land in twenty minutes."
  "Our neighbors painted their front door bright yellow."
  "A giant whale swam past the ship near the coast."
  "The coffee was too hot to drink right away."
  "An owl sat on a branch and watched the moon."
  "They found an old map hidden inside the book."
  "The baker sold fresh bread and warm cakes every morning."
  "A little boy is flying a kite on the hill."
  "The museum closes early on Sundays during the winter."
  "Snow covered the mountains and the pine trees."
  "I think the meeting went better than we expected."
  "A fox is sleeping next to a pile of leaves."
  "The doctor asked him to come back in two weeks."
  "Two penguins walk across the ice toward the sea."
  "The bridge was closed because of the storm last night."
  "A woman is riding a bicycle along the river."
)
sox -n -r 16000 -c 1 -b 16 "$tmp/pause.wav" trim 0 0.7
parts=()
for i in "${!sentences[@]}"; do
  espeak-ng -v "${voices[i % 5]}" -s 150 -w "$tmp/raw.wav" "${sentences[i]}"
  sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$tmp/$i.wav" pad 0.3 0.3
  parts+=("$tmp/$i.wav" "$tmp/pause.wav")
done
sox "${parts[@]}" "$dir/read30.flac"
printf '%s ' "${sentences[@]}" > "$dir/read30.txt"
echo "wrote $dir/read30.flac and $dir/read30.txt"
