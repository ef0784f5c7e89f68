#!/usr/bin/env bash
# Fuzz one Journeyscope reader with afl++ and SharpFuzz. Usage: fuzz/run.sh TARGET [DURATION]   (see fuzz/README.md)
set -euo pipefail
target="${1:?usage: fuzz/run.sh TARGET [DURATION], TARGET one of xes csv jsonl parquet ocel-json ocel-xml ocel-sqlite journey-yaml scenario-yaml}"
duration="${2:-10m}"
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/fuzz/out"
data="$root/../shared/data/logs"

rm -rf "$out/bin"   # a fresh copy: sharpfuzz refuses an already instrumented dll
dotnet publish "$root/fuzz/Journeyscope.Fuzz" -c Release -o "$out/bin" --nologo -v quiet

seeds="$out/in/$target"
mkdir -p "$out/findings"
mkdir -p "$seeds"
case "$target" in
  xes) cp "$data/running-example.xes" "$seeds/" ;;
  csv) head -c 4000 "$data/bpic2016_complaints.csv" > "$seeds/complaints.csv" ;;
  jsonl) printf '{"case_id":"c1","activity":"A","timestamp":"2024-01-01T00:00:00Z","amount":1.5}\n' > "$seeds/one.jsonl" ;;
  parquet) dotnet "$out/bin/Journeyscope.Fuzz.dll" export "$data/running-example.xes" "$seeds/running-example.parquet" ;;
  ocel-json) cp "$data/ocel20_example.jsonocel" "$seeds/" ;;
  ocel-xml) cp "$data/ocel20_example.xmlocel" "$seeds/" ;;
  ocel-sqlite) cp "$data/ocel20_example.sqlite" "$seeds/" ;;
  journey-yaml) find "$root/samples" -path '*/journeys/*.yaml' -size -16k -exec cp {} "$seeds/" \; ;;
  scenario-yaml) cp "$root/samples/retail/scenario.yaml" "$seeds/" ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac
if [ -z "$(ls -A "$seeds")" ]; then echo "no seed files for $target in $seeds" >&2; exit 2; fi

# Instrument after making the seeds: instrumented code crashes outside afl-fuzz (no coverage map).
sharpfuzz "$out/bin/Journeyscope.IO.dll"

seconds=$(( $(echo "$duration" | sed -e 's/m$/*60/' -e 's/h$/*3600/' -e 's/s$//') ))
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1
afl-fuzz -V "$seconds" -t 10000 -m none -i "$seeds" -o "$out/findings/$target" -- dotnet "$out/bin/Journeyscope.Fuzz.dll" "$target"
