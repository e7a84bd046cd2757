#!/usr/bin/env bash
# Short phrases naming things ("Two clocks.", "A green bus.") in four espeak-ng voices, one
# clip each, for `speech2image bench asr-clips`: the case where Whisper tiny.en most often
# mishears the thing. Writes DIR/dev/ and DIR/holdout/ (different phrases; report on holdout,
# tune on dev only), FLAC + .txt per clip. Needs espeak-ng and sox.
# Usage: scripts/make-phrase-audio.sh DIR
set -euo pipefail
dir=${1:?usage: scripts/make-phrase-audio.sh DIR}
mkdir -p "$dir/dev" "$dir/holdout"
voices=(en-us en-gb en-us+f3 en-us+m3)
dev=(
  "Two clocks." "A green bus." "Three birds." "A red kite." "An old chair." "Four apples."
  "A small boat." "The yellow door." "Five candles." "A brown horse." "Two cups of tea."
  "A big elephant."
)
holdout=(
  "Three ducks." "A blue car." "Two lamps." "A white cat." "A tall tree." "Six eggs."
  "A wooden table." "The black dog." "Two bicycles." "A purple flower." "Seven stars."
  "A sleeping baby."
)
say() {  # say PART N VOICE "phrase"
  local out=$dir/$1/phrase-$3-$2 tmp
  tmp=$(mktemp --suffix=.wav)
  espeak-ng -v "$3" -s 150 -w "$tmp" "$4"
  sox -q "$tmp" -r 16000 -c 1 -b 16 "$out.flac" pad 0.3 0.3
  rm -f "$tmp"
  printf '%s\n' "$4" >"$out.txt"
}
for v in "${!voices[@]}"; do
  for i in "${!dev[@]}"; do say dev "$i" "${voices[$v]}" "${dev[$i]}"; done
  for i in "${!holdout[@]}"; do say holdout "$i" "${voices[$v]}" "${holdout[$i]}"; done
done
echo "wrote $(ls "$dir"/dev/*.flac | wc -l) dev and $(ls "$dir"/holdout/*.flac | wc -l) holdout clips"
