#!/usr/bin/env bash
# Real human speech for the ASR evaluation, from the test data inside PocketSphinx's source
# package on PyPI (pocketsphinx 5.1.1, BSD licence, Carnegie Mellon University):
#   - five utterances of LibriVox's reading of "Sense and Sensibility" (public domain), prose;
#   - five short phrases naming playing cards ("ten of clubs"), and "go forward ten meters".
# Writes DIR/dev/ and DIR/holdout/ (FLAC + .txt transcript per clip) and, in each, prose.flac /
# prose.txt: that part's prose utterances joined with 0.8 s pauses, for bench asr / live.
# The holdout part is never used to tune anything: report on it.
# Needs python3, sox. Usage: scripts/make-human-eval.sh DIR  (the committed copy is tests/data/human)
set -euo pipefail
dir=${1:?usage: scripts/make-human-eval.sh DIR}
here=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-$here/.venv/bin/python}
mkdir -p "$dir/dev" "$dir/holdout"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The sdist, through the index's JSON API (PEP 691), checked against the index's SHA-256.
"$python" - "$tmp/pocketsphinx.tar.gz" <<'EOF'
import hashlib, json, sys, urllib.request
name = "pocketsphinx-5.1.1.tar.gz"
request = urllib.request.Request(
    "https://pypi.org/simple/pocketsphinx/",
    headers={"Accept": "application/vnd.pypi.simple.v1+json"},
)
files = json.load(urllib.request.urlopen(request, timeout=60))["files"]
entry = next(f for f in files if f["filename"] == name)
data = urllib.request.urlopen(entry["url"], timeout=300).read()
if hashlib.sha256(data).hexdigest() != entry["hashes"]["sha256"]:
    sys.exit(f"{name}: SHA-256 does not match the index")
open(sys.argv[1], "wb").write(data)
EOF
tar xzf "$tmp/pocketsphinx.tar.gz" -C "$tmp" pocketsphinx-5.1.1/test/data/librivox \
  pocketsphinx-5.1.1/test/data/cards pocketsphinx-5.1.1/test/data/goforward.raw
data=$tmp/pocketsphinx-5.1.1/test/data

clip() {  # clip PART NAME SOURCE "transcript"  (SOURCE: a wav, or raw 16 kHz s16le)
  local out=$dir/$1/$2
  if [[ $3 == *.raw ]]; then
    sox -t raw -r 16000 -e signed -b 16 -c 1 "$3" -r 16000 -c 1 -b 16 "$out.flac"
  else
    sox "$3" -r 16000 -c 1 -b 16 "$out.flac"
  fi
  printf '%s\n' "$4" >"$out.txt"
}

lib=$data/librivox/sense_and_sensibility_01_austen_64kb
# Dev: what any tuning may look at.
clip dev prose-0870 "$lib-0870.wav" "$(cat "$lib-0870.txt")"
clip dev prose-0880 "$lib-0880.wav" "$(cat "$lib-0880.txt")"
clip dev prose-0890 "$lib-0890.wav" "$(cat "$lib-0890.txt")"
clip dev phrase-cards-001 "$data/cards/001.wav" "ten of clubs"
clip dev phrase-cards-002 "$data/cards/002.wav" "four queen of clubs"
clip dev phrase-cards-003 "$data/cards/003.wav" "seven of clubs"
# Holdout: reported on, never tuned on.
clip holdout prose-0920 "$lib-0920.wav" "$(cat "$lib-0920.txt")"
clip holdout prose-0930 "$lib-0930.wav" "$(cat "$lib-0930.txt")"
clip holdout phrase-cards-004 "$data/cards/004.wav" "five five"
clip holdout phrase-cards-005 "$data/cards/005.wav" "eight of spades four of clubs seven of hearts"
clip holdout phrase-goforward "$data/goforward.raw" "go forward ten meters"

for part in dev holdout; do
  parts=()
  for f in "$dir/$part"/prose-*.flac; do
    parts+=("$f" "$tmp/pause.flac")
  done
  sox -n -r 16000 -c 1 -b 16 "$tmp/pause.flac" trim 0 0.8
  sox "${parts[@]}" "$dir/$part/prose.flac"
  cat "$dir/$part"/prose-*.txt | tr '\n' ' ' | sed 's/  */ /g; s/^ //; s/ $//' >"$dir/$part/prose.txt"
  echo >>"$dir/$part/prose.txt"
done
echo "wrote $dir/dev and $dir/holdout"
