#!/usr/bin/env python3
"""SymPy side of bench/peers/run.sh: exact theta-series of mu_pub - ln sin(theta)^2 and sigma2_pub (Jakub & Nica,
Depth degeneracy in neural networks, 2023) at eps^0 and eps^1 (eps = 1/n) to theta^N. Usage: published_sympy.py N.
Same formulas (`build` of bench/sympy_compare.py) and method: series in eps to order 1, then each coefficient
series in theta to order N.
Prints `inproc_ms T` (building + expanding, import excluded) and one `coef NAME J K VALUE` line per coefficient."""
import os
import sys
import time

import sympy as sp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from sympy_compare import build  # noqa: E402  (the same published formulas, built once for both scripts)

N = int(sys.argv[1])
t0 = time.perf_counter()
th, ep, exprs = build()
lines = []
for name, expr in exprs.items():
    e = sp.series(expr, ep, 0, 2).removeO()
    for kk in range(2):
        ck = sp.expand(sp.series(e.coeff(ep, kk), th, 0, N + 1).removeO())
        for j in range(N + 1):
            lines.append(f"coef {name} {j} {kk} {sp.cancel(ck.coeff(th, j))}")
print(f"inproc_ms {(time.perf_counter() - t0) * 1000:.1f}")
print("\n".join(lines))
