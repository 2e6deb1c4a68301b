"""Spectral norm: power iteration on the infinite matrix A(i,j) =
1 / ((i+j)(i+j+1)/2 + i + 1), truncated to n x n.

Nested loops of float arithmetic with function calls in the inner loop.
For n = 100 the norm is 1.274219991 (Benchmarks Game reference value).
"""
from _util import scaled, close

UNIT = {"loops": 2, "n": 100, "iterations": 10}


def eval_a(i, j):
    ij = i + j
    return 1.0 / ((ij * (ij + 1) >> 1) + i + 1)


def mul_av(v, out):
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out[i] = s


def mul_atv(v, out):
    n = len(v)
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out[i] = s


def mul_atav(v, out, tmp):
    mul_av(v, tmp)
    mul_atv(tmp, out)


def spectral_norm(n, iterations):
    u = [1.0] * n
    v = [0.0] * n
    tmp = [0.0] * n
    for _ in range(iterations):
        mul_atav(u, v, tmp)
        mul_atav(v, u, tmp)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5


def run(unit_scale=1):
    result = None
    for _ in range(scaled(UNIT["loops"], unit_scale)):
        result = spectral_norm(UNIT["n"], UNIT["iterations"])
    return result


def check(result):
    close(result, 1.274219991, rel=1e-9, what="spectral norm (reference)")
    close(result, 1.2742199912349306, rel=1e-12, what="spectral norm (n=100)")
