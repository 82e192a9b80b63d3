#!/usr/bin/env python3
"""SymPy side of bench/peers/run.sh: exact theta-series of mu_pub - ln sin(theta)^2 and sigma2_pub (Jakub & Nica,
Depth degeneracy in neural networks, 2023) at eps^0 and eps^1 (eps = 1/n) to theta^N. Usage: published_sympy.py N.
Same method as bench/sympy_compare.py: series in eps to order 1, then each coefficient series in theta to order N.
Prints `inproc_ms T` (building + expanding, import excluded) and one `coef NAME J K VALUE` line per coefficient."""
import sys
import time

import sympy as sp

N = int(sys.argv[1])
t0 = time.perf_counter()
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
      - 4 * k / (n * (1 - 1 / n)**2 * d**2)) - sp.log(s**2)
sigma2 = (8 * k / (n * (1 - 1 / n)**2 * d**2) + 8 * (j22 + 1) / (n * ((4 * j22 - 1) / n + 1)**2)
          - 16 * k2 / (n * (1 - 1 / n) * d * ((4 * j22 - 1) / n + 1)))
lines = []
for name, expr in (("mu", mu), ("sigma2", sigma2)):
    e = sp.series(expr, ep, 0, 2).removeO()
    for kk in range(2):
        ck = sp.expand(sp.series(e.coeff(ep, kk), th, 0, N + 1).removeO())
        for j in range(N + 1):
            lines.append(f"coef {name} {j} {kk} {sp.cancel(ck.coeff(th, j))}")
print(f"inproc_ms {(time.perf_counter() - t0) * 1000:.1f}")
print("\n".join(lines))
