#!/usr/bin/env bash
# The scale run of issue 6: generates collections of 10^4, 10^5 and 10^6 invented articles
# (one story per ten articles), groups each with `corroborate eval stories --synthetic`
# under /usr/bin/time -v, then runs the peers (scikit-learn, datasketch) on the 10^5
# collection in the same run. Generated data and logs go to $SCALE_DIR (default /tmp/scale),
# never into the repository.
#
#   bash scripts/scale/run.sh                      # all sizes, then the peers
#   SIZES="10000 100000" bash scripts/scale/run.sh # skip 10^6
#   PEERS=0 bash scripts/scale/run.sh              # ours only
#
# The peers need a Python with scikit-learn and datasketch:
#   python3 -m venv /tmp/scale/venv && /tmp/scale/venv/bin/pip install scikit-learn datasketch
set -euo pipefail

cd "$(dirname "$0")/../.."
DIR=${SCALE_DIR:-/tmp/scale}
SIZES=${SIZES:-"10000 100000 1000000"}
PEER_SIZE=${PEER_SIZE:-100000}
PEERS=${PEERS:-1}
PYTHON=${PEERS_PYTHON:-$DIR/venv/bin/python}
SEED=${SEED:-7}
BIN=target/release/corroborate
mkdir -p "$DIR"
LOG=$DIR/results.txt

cargo build --release -p corroborate-cli
{
    echo "== $(date -u +%FT%TZ) $(git rev-parse --short HEAD) on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$LOG"

# `/usr/bin/time -v` figures: wall clock and peak resident memory.
measured() {
    local name=$1
    shift
    /usr/bin/time -v "$@" 2>"$DIR/time-$name.txt" | tee -a "$LOG"
    awk -F': ' -v name="$name" '
        /Elapsed \(wall clock\)/ { wall = $2 }
        /Maximum resident set size/ { rss = $2 }
        /Percent of CPU/ { cpu = $2 }
        END { printf "%s: /usr/bin/time wall %s, CPU %s, max RSS %.0f MB\n", name, wall, cpu, rss / 1024 }
    ' "$DIR/time-$name.txt" | tee -a "$LOG"
}

generate() {
    local n=$1 file=$DIR/synthetic-$1.jsonl
    if [ ! -s "$file" ]; then
        measured "generate-$n" "$BIN" eval generate --articles "$n" --stories $((n / 10)) \
            --seed "$SEED" --output "$file"
        echo "generated $file: $(du -h "$file" | cut -f1)" | tee -a "$LOG"
    fi
}

for n in $SIZES; do
    generate "$n"
    measured "ours-$n" "$BIN" eval stories --synthetic "$DIR/synthetic-$n.jsonl"
done

if [ "$PEERS" = 1 ]; then
    generate "$PEER_SIZE"
    file=$DIR/synthetic-$PEER_SIZE.jsonl
    for system in kmeans radius minhash; do
        measured "$system-$PEER_SIZE" "$PYTHON" scripts/peers/scale_stories.py --system "$system" "$file"
    done
fi
