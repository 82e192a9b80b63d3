#!/usr/bin/env bash
# Side by side with other systems: the exact theta-series of the published mu_pub - ln sin^2(theta) and sigma2_pub
# (Jakub & Nica, Depth degeneracy in neural networks, 2023) at eps^0 and eps^1 to theta^4, theta^8, theta^16, computed
# by ours (`expand-published`, launched as a native ahead-of-time executable and, for comparison, as the JIT bench), PARI/GP, Maxima and SymPy; checks that every coefficient agrees exactly and
# prints whole-process best-of-3 times, in-process times and ratios vs ours (Markdown tables).
# PARI/GP and Maxima are benchmark-only tools, never a build or CI dependency:
#   apt-get install -y maxima pari-gp
# Usage (from the repository root): bench/peers/run.sh [--orders 4,8,16] [--repeats 3] [--sympy-max 4]
# SymPy is skipped above theta^4 by default (about 400 s at theta^8 on a 2-core machine).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
dotnet build bench -c Release -m:1 -v q -nologo > /dev/null
# The fastest honest launch of ours: bench/PeersExpand (the expand-published mode alone) published with NativeAOT, for
# this benchmark only (the build, the tests and CI never need AOT). When the publish fails (no ILCompiler package, no
# native toolchain) compare.py falls back to the JIT bench executable and says so.
rm -rf bench/PeersExpand/aot
dotnet publish bench/PeersExpand -c Release -r linux-x64 -p:PublishAot=true -o bench/PeersExpand/aot -v q -nologo > /dev/null \
  || echo "NativeAOT publish failed: timing the JIT bench executable only"
echo "machine: $(nproc) cores, $(uname -m); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "load before: $(uptime)"
echo "versions: $(gp --version-short 2>/dev/null || echo 'PARI/GP ?'); $(maxima --version); SymPy $(python3 -c 'import sympy; print(sympy.__version__)'); $(dotnet --version | sed 's/^/.NET SDK /')"
python3 bench/peers/compare.py "$@"
echo "load after: $(uptime)"
