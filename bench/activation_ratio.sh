#!/usr/bin/env bash
# Whole-process time of `degeneracy derive --quantity all` for a non-ReLU activation against ReLU, runs interleaved
# (relu, other, relu, other, …) so that both see the same machine load. Prints every run, then the best and median wall
# and user times and their ratios. Usage:
#   bench/activation_ratio.sh [BINARY] [ACTIVATION] [RUNS] [THETA_ORDER] [N_ORDER]
# e.g. bench/activation_ratio.sh src/Cli/bin/Release/net10.0/degeneracy leaky:1/100 7 8 3
set -euo pipefail
bin=${1:-src/Cli/bin/Release/net10.0/degeneracy}
act=${2:-leaky:1/100}
runs=${3:-7}
theta=${4:-8}
norder=${5:-3}
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
results=()
for i in $(seq 1 "$runs"); do
  for a in relu "$act"; do
    out=$( { /usr/bin/time -f "%e %U" "$bin" derive --quantity all --theta-order "$theta" --n-order "$norder" --activation "$a" > /dev/null; } 2>&1 | tail -1 )
    read -r wall user <<< "$out"
    echo "run $i  $a  wall $wall s  user $user s"
    results+=("$a:$wall:$user")
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$act" "${results[@]}" <<'PY'
import statistics, sys
act = sys.argv[1]
rows = [x.rsplit(':', 2) for x in sys.argv[2:]]
def pick(name, i): return [float(r[i]) for r in rows if r[0] == name]
for label, i in (("wall", 1), ("user", 2)):
    r, o = pick("relu", i), pick(act, i)
    print(f"{label}: relu best {min(r):.2f} s / median {statistics.median(r):.2f} s; {act} best {min(o):.2f} s / median "
          f"{statistics.median(o):.2f} s; ratio best {min(o) / min(r):.2f}, median {statistics.median(o) / statistics.median(r):.2f}")
PY
