#!/usr/bin/env bash
# Whole-process time and peak memory of `degeneracy derive --quantity all` against the 1/n order, with the fitted growth
# factor per order (geometric fit of the wall time over the orders with wall >= 0.5 s). Usage:
#   bench/order_scaling.sh [BINARY] [THETA_ORDER] [MAX_N_ORDER]
# e.g. bench/order_scaling.sh src/Cli/bin/Release/net10.0/degeneracy 4 8. Prints a Markdown table.
set -euo pipefail
bin=${1:-src/Cli/bin/Release/net10.0/degeneracy}
theta=${2:-8}
max=${3:-6}
echo "| n-order | wall s | user s | peak RSS MB |"
echo "|---:|---:|---:|---:|"
walls=()
for k in $(seq 1 "$max"); do
  out=$( { /usr/bin/time -f "%e %U %M" "$bin" derive --quantity all --theta-order "$theta" --n-order "$k" > /dev/null; } 2>&1 | tail -1 )
  read -r wall user rss <<< "$out"
  printf "| %d | %s | %s | %.0f |\n" "$k" "$wall" "$user" "$(echo "$rss / 1024" | bc -l)"
  walls+=("$k:$wall")
done
python3 - "${walls[@]}" <<'PY'
import math, sys
pts = [(int(a), float(b)) for a, b in (x.split(':') for x in sys.argv[1:]) if float(b) >= 0.5]
if len(pts) >= 2:
    n = len(pts); sx = sum(k for k, _ in pts); sy = sum(math.log(t) for _, t in pts)
    sxx = sum(k * k for k, _ in pts); sxy = sum(k * math.log(t) for k, t in pts)
    slope = (n * sxy - sx * sy) / (n * sxx - sx * sx)
    print(f"\nfitted growth factor per 1/n order (wall, orders {pts[0][0]}..{pts[-1][0]}): x{math.exp(slope):.2f}")
PY
