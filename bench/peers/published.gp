\\ PARI/GP side of bench/peers/run.sh: exact theta-series of mu_pub - ln sin(theta)^2 and sigma2_pub (Jakub & Nica,
\\ Depth degeneracy in neural networks, 2023; the formulas of src/Series/Derivation/PublishedFormulas.cs) at eps^0 and
\\ eps^1 (eps = 1/n) to theta^N. N is set before this file is read (run.sh: "N=8;" on stdin).
\\ Variables: x = eps (highest priority), t = theta, p = pi (a polynomial variable, so everything stays exact).
\\ The log is taken of the quotient (ln a - ln sin^2 = ln(a/sin^2)), which has no log terms; 1/D^2 costs 6 orders of
\\ relative precision, hence the working precision N + 8.
t0 = getabstime();
t = varlower("t");
p = varlower("p", t);
M = N + 8;
s = sin(t + O(t^M)); c = cos(t + O(t^M));
j11 = (s + (p - t)*c)/(2*p);
j22 = ((p - t)*(2*c^2 + 1) + 3*s*c)/(2*p);
j31 = (3*(p - t)*c + s*c^2 + 2*s)/(2*p);
D = 1 - 4*j11^2;
K = 8*j11^2*j22 - 8*j11^4 + 4*j11^2 - 8*j11*j31 + j22 + 1;
K2 = 2*j11^2 - 4*j11*j31 + j22 + 1;
e = x + O(x^3);  \\ relative precision 2: n = 1/e and n - 1 keep their eps^1 terms
n = 1/e;
mu = log((n - 1)*D/((4*j22 - 1 + n)*s^2)) + 4*(j22 + 1)/(n*((4*j22 - 1)/n + 1)^2) - 4*K/(n*(1 - 1/n)^2*D^2);
sigma2 = 8*K/(n*(1 - 1/n)^2*D^2) + 8*(j22 + 1)/(n*((4*j22 - 1)/n + 1)^2) - 16*K2/(n*(1 - 1/n)*D*((4*j22 - 1)/n + 1));
out = List();
{
  for (k = 0, 1,
    for (j = 0, N,
      listput(out, Str("coef mu ", j, " ", k, " ", polcoef(polcoef(mu, k, x), j, t)));
      listput(out, Str("coef sigma2 ", j, " ", k, " ", polcoef(polcoef(sigma2, k, x), j, t)))));
}
el = getabstime() - t0;
print("inproc_ms ", el);
for (i = 1, #out, print(out[i]));
quit;
