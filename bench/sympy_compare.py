#!/usr/bin/env python3
"""Side by side with SymPy: the theta-series to theta^4, eps^1 (eps = 1/n) of the published mu_pub and sigma2_pub.

SymPy side: the same formulas as src/Series/Derivation/PublishedFormulas.cs, built with symbols theta, eps (n = 1/eps)
and the closed forms of J(1,1), J(2,2), J(3,1) (docs/THEORY.md Â§2); mu is expanded as mu_pub - ln(sin(theta)^2),
whose expansion has no log terms. Method: series in eps to order 2 (eps^0, eps^1), then each coefficient in theta to
order 5 (theta^0 .. theta^4), exact. Timed best of 3, each run from scratch (sympy caches cleared, expressions rebuilt).

Our side: the bench executable's `expand-published` mode (ExpressionExpansion.Expand on the same text formulas):
cold in-process (first expansion, JIT included; best over 3 fresh processes), warm in-process (best of 5 repeats), and the whole process
(`expand-published --cold-only`, wall-clock, best of 3). For reference also `degeneracy check` (CLI; it also runs the
derivation to the same orders). Every coefficient printed by ours is parsed with sympify and compared exactly.

Build first:  dotnet build bench -c Release && dotnet build src/Cli -c Release
Run:          python3 bench/sympy_compare.py
"""
import os
import subprocess
import sys
import time

import sympy as sp
from sympy.core.cache import clear_cache

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench", "bin", "Release", "net10.0", "Degeneracy.Bench")
CLI = os.path.join(ROOT, "src", "Cli", "bin", "Release", "net10.0", "degeneracy")
THETA_ORDER, N_ORDER = 4, 1
REPEATS = 3

# The text formulas, as in PublishedFormulas.cs (for the CLI `check` reference run).
D_TXT = "(1 - 4*J(1,1)^2)"
K_TXT = "(8*J(1,1)^2*J(2,2) - 8*J(1,1)^4 + 4*J(1,1)^2 - 8*J(1,1)*J(3,1) + J(2,2) + 1)"
K2_TXT = "(2*J(1,1)^2 - 4*J(1,1)*J(3,1) + J(2,2) + 1)"
MU_TXT = (f"ln((n-1)*{D_TXT}/(4*J(2,2) - 1 + n)) + 4*(J(2,2)+1)/(n*((4*J(2,2)-1)/n + 1)^2)"
          f" - 4*{K_TXT}/(n*(1 - 1/n)^2*{D_TXT}^2)")
SIGMA2_TXT = (f"8*{K_TXT}/(n*(1 - 1/n)^2*{D_TXT}^2) + 8*(J(2,2)+1)/(n*((4*J(2,2)-1)/n + 1)^2)"
              f" - 16*{K2_TXT}/(n*(1 - 1/n)*{D_TXT}*((4*J(2,2)-1)/n + 1))")


def build():
    """mu_pub - ln sin^2(theta) and sigma2_pub as SymPy expressions in theta, eps."""
    th, ep = sp.symbols("theta epsilon", positive=True)
    pi, n = sp.pi, 1 / ep
    s, c = sp.sin(th), sp.cos(th)
    j11 = (s + (pi - th) * c) / (2 * pi)
    j22 = ((pi - th) * (2 * c**2 + 1) + 3 * s * c) / (2 * pi)
    j31 = (3 * (pi - th) * c + s * c**2 + 2 * s) / (2 * pi)
    d = 1 - 4 * j11**2
    k = 8 * j11**2 * j22 - 8 * j11**4 + 4 * j11**2 - 8 * j11 * j31 + j22 + 1
    k2 = 2 * j11**2 - 4 * j11 * j31 + j22 + 1
    mu = (sp.log((n - 1) * d / (4 * j22 - 1 + n)) + 4 * (j22 + 1) / (n * ((4 * j22 - 1) / n + 1)**2)
          - 4 * k / (n * (1 - 1 / n)**2 * d**2))
    sigma2 = (8 * k / (n * (1 - 1 / n)**2 * d**2) + 8 * (j22 + 1) / (n * ((4 * j22 - 1) / n + 1)**2)
              - 16 * k2 / (n * (1 - 1 / n) * d * ((4 * j22 - 1) / n + 1)))
    return th, ep, {"mu": mu - sp.log(s**2), "sigma2": sigma2}


def expand(th, ep, expr):
    """{(j, k): exact coefficient of theta^j eps^k} for j <= THETA_ORDER, k <= N_ORDER."""
    e = sp.series(expr, ep, 0, N_ORDER + 1).removeO()
    out = {}
    for k in range(N_ORDER + 1):
        ck = sp.series(e.coeff(ep, k), th, 0, THETA_ORDER + 1).removeO()
        ck = sp.expand(ck)
        for j in range(THETA_ORDER + 1):
            out[(j, k)] = ck.coeff(th, j)
        rest = sp.expand(ck - sum(out[(j, k)] * th**j for j in range(THETA_ORDER + 1)))
        if rest != 0:
            raise RuntimeError(f"unexpected terms outside theta^0..theta^{THETA_ORDER} at eps^{k}: {rest}")
    return out


def sympy_side():
    best, coefs = float("inf"), None
    for _ in range(REPEATS):
        clear_cache()
        t0 = time.perf_counter()
        th, ep, exprs = build()
        coefs = {name: expand(th, ep, e) for name, e in exprs.items()}
        best = min(best, time.perf_counter() - t0)
    return best, coefs


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr}")
    return wall, p.stdout


def our_side():
    if not os.path.exists(BENCH):
        sys.exit(f"missing {BENCH}: run `dotnet build bench -c Release` first")
    cold = warm = float("inf")
    for _ in range(REPEATS):  # cold: best over fresh processes; warm: best of 5 repeats in each, best over processes
        _, out = run([BENCH, "expand-published"])
        coefs = {"mu": {}, "sigma2": {}}
        for line in out.splitlines():
            parts = line.split(" ", 4)
            if parts[0] == "cold_ms":
                cold = min(cold, float(parts[1]) / 1000)
            elif parts[0] == "warm_ms":
                warm = min(warm, float(parts[1]) / 1000)
            elif parts[0] == "coef":
                name, j, k, text = parts[1], int(parts[2]), int(parts[3]), parts[4]
                coefs[name][(j, k)] = sp.sympify(text.replace("^", "**"), locals={"pi": sp.pi})
    process = min(run([BENCH, "expand-published", "--cold-only"])[0] for _ in range(REPEATS))
    cli = None
    if os.path.exists(CLI):
        cli = min(sum(run([CLI, "check", "--quantity", q, "--formula", f, "--theta-order", str(THETA_ORDER),
                           "--n-order", str(N_ORDER)])[0] for q, f in (("mu", MU_TXT), ("sigma2", SIGMA2_TXT)))
                  for _ in range(REPEATS))
    return cold, warm, process, cli, coefs


def main():
    print(f"SymPy {sp.__version__}, Python {sys.version.split()[0]}; "
          f"mu_pub - ln sin^2(theta) and sigma2_pub to theta^{THETA_ORDER} eps^{N_ORDER}")
    t_sympy, sym = sympy_side()
    cold, warm, process, cli, ours = our_side()

    agree, total = True, 0
    for name in ("mu", "sigma2"):
        keys = set(sym[name]) | {key for key, v in ours[name].items() if v != 0}
        for key in sorted(keys, key=lambda jk: (jk[1], jk[0])):
            a, b = sym[name].get(key, sp.Integer(0)), ours[name].get(key, sp.Integer(0))
            total += 1
            if sp.cancel(a - b) != 0:
                agree = False
                print(f"  MISMATCH {name} theta^{key[0]} eps^{key[1]}: sympy {a}   ours {b}")

    print(f"SymPy (best of {REPEATS}, caches cleared):                                   {t_sympy * 1000:10.1f} ms")
    print(f"ours, cold in-process (first call, JIT incl.; best of {REPEATS} processes): {cold * 1000:10.1f} ms   ratio {t_sympy / cold:8.0f}x")
    print(f"ours, warm in-process (best of 5 x {REPEATS}):                            {warm * 1000:10.1f} ms   ratio {t_sympy / warm:8.0f}x")
    print(f"ours, whole process (one expansion each, best of {REPEATS}, wall-clock):   {process * 1000:10.1f} ms   ratio {t_sympy / process:8.0f}x")
    if cli is not None:
        print(f"(reference: `degeneracy check` mu + sigma2, two processes, also derives: {cli * 1000:.1f} ms, "
              f"ratio {t_sympy / cli:.0f}x)")
    print(f"headline ratio (whole process, the most conservative): {t_sympy / process:.0f}x (target >= 50x)")
    print(f"coefficients: {total} compared, " + ("all agree exactly" if agree else "SOME DISAGREE"))
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
