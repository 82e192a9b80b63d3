#!/usr/bin/env python3
"""Driver of bench/peers/run.sh: runs ours (`expand-published`: the native ahead-of-time launcher bench/PeersExpand/aot
when it has been published, and the JIT bench executable), PARI/GP, Maxima and SymPy on the exact theta-series of
mu_pub - ln sin(theta)^2 and sigma2_pub at eps^0, eps^1 to theta^N, checks that every coefficient agrees exactly across
the systems, and prints whole-process best-of-R times, in-process times and ratios vs ours. The repeats are
interleaved (repeat 1 of every system, then repeat 2, ...), so that a change of machine load hits all systems alike.
Usage: compare.py [--orders 4,8,16] [--repeats 3] [--sympy-max 4]. Every system prints `inproc_ms T` and
`coef NAME J K VALUE` lines; VALUE (a rational function of pi; PARI spells pi `p`, Maxima `%pi`, ours `^` for powers)
is parsed with SymPy after the timings, never inside them."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BENCH = os.path.join(ROOT, "bench", "bin", "Release", "net10.0", "Degeneracy.Bench")
AOT = os.path.join(ROOT, "bench", "PeersExpand", "aot", "Degeneracy.PeersExpand")


def commands(n):
    """System name -> (argv, stdin text) for order n."""
    gp_in = f'N={n};\nread("{os.path.join(HERE, "published.gp")}");\n'
    mac = os.path.join(HERE, "published.mac")
    ours = ["expand-published", "--cold-only", "--theta-order", str(n)]
    systems = {"ours": ([AOT] + ours, None), "ours JIT": ([BENCH] + ours, None)} if os.path.exists(AOT) \
        else {"ours": ([BENCH] + ours, None)}
    return systems | {
        "PARI/GP": (["gp", "-q", "-f", "-s", "256000000"], gp_in),
        "Maxima": (["maxima", "--very-quiet", f'--batch-string=N:{n}$ batchload("{mac}")$'], None),
        "SymPy": ([sys.executable, os.path.join(HERE, "published_sympy.py"), str(n)], None),
    }


def run_once(argv, stdin):
    t0 = time.perf_counter()
    p = subprocess.run(argv, input=stdin, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({p.returncode}): {p.stderr[-2000:]}")
    inproc, warm, coefs = None, None, {}
    for line in p.stdout.splitlines():
        line = line.strip().strip('"')
        if line.startswith("inproc_ms ") or line.startswith("cold_ms "):
            inproc = float(line.split()[1]) / 1000
        elif line.startswith("warm_ms ") and line.split()[1] != "NaN":
            warm = float(line.split()[1]) / 1000
        elif line.startswith("coef "):
            _, name, j, k, text = line.split(" ", 4)
            coefs[(name, int(j), int(k))] = text
    return wall, inproc if warm is None else (inproc, warm), coefs


def normalise(system, text):
    import sympy as sp
    if system == "PARI/GP":
        text = re.sub(r"\bp\b", "pi", text)
    text = text.replace("%pi", "pi").replace("^", "**")
    return sp.nsimplify(sp.sympify(text, locals={"pi": sp.pi}), rational=True) if "." in text else \
        sp.sympify(text, locals={"pi": sp.pi})


def ratio_cells(results, n, columns, field, fmt):
    """One table row's cells at order n: results[(n, system)][field] formatted, with the ratio to ours (>1: ours faster)."""
    ours = results[(n, "ours")][field]
    cells = []
    for s in columns:
        if (n, s) not in results:
            cells.append("skipped")
        else:
            v = results[(n, s)][field]
            cells.append(fmt.format(v) if s == "ours" else f"{fmt.format(v)} ({v / ours:.2f}x)")
    return cells


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--orders", default="4,8,16")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--sympy-max", type=int, default=4)
    a = ap.parse_args()
    orders = [int(x) for x in a.orders.split(",")]
    for tool in ("gp", "maxima"):
        if shutil.which(tool) is None:
            sys.exit(f"missing `{tool}` (apt-get install -y maxima pari-gp)")
    if not os.path.exists(BENCH):
        sys.exit(f"missing {BENCH}: run `dotnet build bench -c Release` first")
    import sympy as sp
    results = {}  # (n, system) -> (best wall, best inproc)
    all_ok = True
    for n in orders:
        texts = {}
        active = {sy: c for sy, c in commands(n).items() if not (sy == "SymPy" and n > a.sympy_max)}
        best = {sy: [float("inf"), float("inf")] for sy in active}
        for r in range(a.repeats):  # interleaved: every system once per round
            for system, (argv, stdin) in active.items():
                w, i, coefs = run_once(argv, stdin)
                best[system][0] = min(best[system][0], w)
                best[system][1] = min(best[system][1], i if i is not None else float("inf"))
                print(f"  theta^{n:<2} {system:8s} wall {w:9.3f} s   in-process {i:9.3f} s", flush=True)
                texts[system] = coefs
        for system in active:
            results[(n, system)] = tuple(best[system])
        for system in [sy for sy in active if sy.startswith("ours")]:
            # steady state: best of 5 repeats after the first call, in each of R processes
            argv = [x for x in active[system][0] if x != "--cold-only"]
            warm = min(run_once(argv, None)[1][1] for _ in range(a.repeats))
            results[(n, system + " warm")] = (float("nan"), warm)
            print(f"  theta^{n:<2} {system} warm in-process {warm:9.4f} s", flush=True)
        # exact agreement: every coefficient of every system equals ours (missing keys count as 0)
        ref = {key: normalise("ours", v) for key, v in texts["ours"].items()}
        wanted = {(name, j, k) for name in ("mu", "sigma2") for j in range(n + 1) for k in (0, 1)}
        for system, coefs in texts.items():
            if system == "ours":
                continue
            bad = 0
            for key in sorted(wanted):
                if key not in coefs:
                    bad += 1
                    print(f"  theta^{n} {system}: missing {key}")
                    continue
                if sp.cancel(normalise(system, coefs[key]) - ref.get(key, sp.Integer(0))) != 0:
                    bad += 1
                    print(f"  theta^{n} {system}: MISMATCH {key}: {coefs[key]}  vs ours {texts['ours'].get(key)}")
            all_ok &= bad == 0
            print(f"theta^{n}: {system} {len(wanted) - bad}/{len(wanted)} coefficients equal to ours", flush=True)
    systems = ["ours", "ours JIT", "PARI/GP", "Maxima", "SymPy"] if os.path.exists(AOT) else ["ours", "PARI/GP", "Maxima", "SymPy"]
    print("\nours = " + ("the native AOT launcher (bench/PeersExpand/aot); ours JIT = the bench executable under the .NET JIT"
                         if os.path.exists(AOT) else "the bench executable under the .NET JIT (no AOT launcher published)"))
    print(f"\nWhole process, best of {a.repeats} (s); in parentheses: ratio system/ours (>1: ours faster)")
    print("| order | coefficients | " + " | ".join(systems) + " |")
    print("|---|---:|" + "---:|" * len(systems))
    for n in orders:
        print(f"| θ^{n} | {4 * (n + 1)} | " + " | ".join(ratio_cells(results, n, systems, 0, "{:.3f}")) + " |")
    print(f"\nIn-process (computation only, first call in a fresh process, JIT included under the JIT; warm: best of 5 "
          f"repeats after the first), best of {a.repeats} (s); ratio system/ours (first call)")
    ours_cols = [c for sy in systems if sy.startswith("ours") for c in (sy, sy + " warm")]
    others = [sy for sy in systems if not sy.startswith("ours")]
    print("| order | " + " | ".join(ours_cols + others) + " |")
    print("|---|" + "---:|" * (len(ours_cols) + len(others)))
    for n in orders:
        print(f"| θ^{n} | " + " | ".join(ratio_cells(results, n, ours_cols + others, 1, "{:.4f}")) + " |")
    print("\nall coefficients agree exactly" if all_ok else "\nSOME COEFFICIENTS DISAGREE")
    return 0 if all_ok else 1


if __name__ == "__main__":
    sys.exit(main())
