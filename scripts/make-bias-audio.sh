#!/usr/bin/env bash
# Recordings for the picturable-vocabulary bias (speech2image.asr.bias), with espeak-ng and
# sox in the voice and pace of scripts/make-audio.sh.
# Usage: scripts/make-bias-audio.sh [OUT_DIR]
#   always writes the two short test recordings in tests/data/;
#   with OUT_DIR, also writes the evaluation sets there (not committed):
#     picturable.flac/.txt  28 sentences naming things the composer draws
#     prose.flac/.txt       16 sentences of ordinary prose, not about pictures, some with
#                           words that sound like picturable nouns ("of course", "dear")
# Evaluate: S2I_PICTURABLE_CORRECTION=1 speech2image bench asr OUT_DIR/picturable.flac \
#   --ref OUT_DIR/picturable.txt   (and =0 for the unbiased run; see docs/benchmarks.md)
set -euo pipefail
cd "$(dirname "$0")/.."

speak() {  # speak OUT.flac "sentence" ["sentence" ...]   (700 ms between sentences)
  local out=$1 tmp ssml="<speak>"
  shift
  for sentence in "$@"; do ssml+="$sentence<break time=\"700ms\"/>"; done
  ssml+="</speak>"
  tmp=$(mktemp --suffix=.wav)
  espeak-ng -m -v en-us -s 150 -w "$tmp" "$ssml"
  sox "$tmp" -r 16000 -c 1 -b 16 "$out" pad 0.3 0.3
  rm -f "$tmp"
}

say() {  # say OUT.flac "sentence"   (one sentence, no SSML: no trailing break)
  local tmp
  tmp=$(mktemp --suffix=.wav)
  espeak-ng -v en-us -s 150 -w "$tmp" "$2"
  sox "$tmp" -r 16000 -c 1 -b 16 "$1" pad 0.3 0.3
  rm -f "$tmp"
}

picturable=(
  "A deer jumped over the fence."
  "A brown horse eats hay in the field."
  "Three cows stood in the meadow."
  "The baker holds a loaf of bread."
  "Snow covered the little house."
  "A bear sleeps under a pine tree."
  "A green pear sits in a bowl."
  "A whale swims in the deep sea."
  "The boy flies a red kite."
  "A snail climbs up the wall."
  "A mouse hides behind the cheese."
  "An owl sits on a branch at night."
  "A bee buzzes around the flower."
  "Two goats climb the rocky hill."
  "A frog jumps into the pond."
  "The fox runs across the snowy field."
  "A swan glides on the lake."
  "A crab walks along the sand."
  "The girl holds a yellow balloon."
  "A duck swims near the boat."
  "Four sheep graze beside the barn."
  "A tiger rests in the tall grass."
  "The farmer drives a red tractor."
  "A rabbit eats a carrot in the garden."
  "An ant carries a leaf."
  "A dolphin jumps out of the waves."
  "A ladder leans against the house."
  "A snake hides under a rock."
)
prose=(
  "The meeting was moved to Thursday because several people could not attend."
  "She explained that the results were not final and could still change."
  "We should think about the budget before we decide anything."
  "He said that he would call back later in the afternoon."
  "Most of the questions were about the schedule and the cost."
  "It is important to read the instructions carefully before you begin."
  "They agreed that the plan made sense, although nobody was sure it would work."
  "Of course, the answer depends on what you mean by success."
  "I think we can finish the report by the end of the week."
  "My dear friend, I hope this letter finds you well."
  "Please wait here until your name is called."
  "There is no reason to worry about it right now."
  "The maker of this product offers a two year warranty."
  "He counts the days until the holidays begin."
  "To be honest, I would rather stay at home tonight."
  "The price of fuel has gone up again this month."
)

# Tests: a picturable noun tiny.en mishears ("and carry my leave."), and prose whose words sound
# like picturable nouns ("cost" and "coast") that must come out unchanged.
say tests/data/picturable_leaf.flac "${picturable[24]}"
say tests/data/prose_cost.flac "${prose[4]}"

if [[ $# -ge 1 ]]; then
  mkdir -p "$1"
  speak "$1/picturable.flac" "${picturable[@]}"
  printf '%s\n' "${picturable[@]}" >"$1/picturable.txt"
  speak "$1/prose.flac" "${prose[@]}"
  printf '%s\n' "${prose[@]}" >"$1/prose.txt"
fi
