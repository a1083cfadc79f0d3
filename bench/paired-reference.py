#!/usr/bin/python3
"""Independent reference figures for test/eval/paired.test.ts.

Computes, with scikit-learn / statsmodels / scipy / numpy (never with the
project's code), the metrics, the paired bootstrap and McNemar's exact test on
the fixed case below, and prints them as JSON. The test holds the printed
numbers as constants, so it never needs Python.

    /usr/bin/python3 bench/paired-reference.py

Needs Debian's python3-sklearn, python3-statsmodels, python3-scipy
(apt-get install -y python3-sklearn python3-statsmodels python3-scipy).

The fixed case: Y_TRUE is the stance of the 73 records of data/test.jsonl as
built from seeds/ at commit 3c6256d (s = support, o = oppose, n = neutral);
A and B are two made-up systems (A flips every 5th item, B sets every 3rd to
neutral). H_TRUE is the hedge types of the first 40 of those records
(u c d v s = unsupported unconfirmed distancing vague speculative), HA and HB
two made-up multi-label systems. The bootstrap resamples come from an
independent port of mulberry32 (seed 13), n indices per resample, each
floor(u * n), the same stream the TypeScript draws.
"""
import json

import numpy as np
from scipy.stats import binomtest
from sklearn.metrics import accuracy_score, f1_score
from sklearn.preprocessing import MultiLabelBinarizer
from statsmodels.stats.contingency_tables import mcnemar

Y_TRUE = "nsnnnnnnnnnnnnnnssssnnnnnnnnnnnnnnnssssnnnnnnonnnnonnnnnnnnnnnnnnnnnnnnss"
A = "ssnnnsnnnnsnnnnssssssnnnnsnnnnsnnnnnsssnsnnnnnnnnnnnnnnsnnnnsnnnnsnnnnsss"
B = "nsnnnnnnnnnnnnnnssnsnnnnnnnnnnnnnnnsnssnnnnnnnnnnnonnnnnnnnnnnnnnnnnnnnsn"
H_TRUE = "|s|ds|||||||||||||u||||s|||s||||||||||||u||||s|"
HA = "v||ds||||||||||||v|u||||||v||||||||||||||v|||s|"
HB = "|s|d||c|||||||||c||u||||s|||c|||||||||c|||u|||||"
SEED = 13
RESAMPLES = 200
TYPES = "ucdvs"


def mulberry32(seed):
    a = seed & 0xFFFFFFFF

    def imul(x, y):
        return (x * y) & 0xFFFFFFFF

    def nxt():
        nonlocal a
        a = (a + 0x6D2B79F5) & 0xFFFFFFFF
        t = a
        t = imul(t ^ (t >> 15), t | 1)
        t ^= (t + imul(t ^ (t >> 7), t | 61)) & 0xFFFFFFFF
        return ((t ^ (t >> 14)) & 0xFFFFFFFF) / 4294967296

    return nxt


def resamples(n):
    rng = mulberry32(SEED)
    return [np.array([int(rng() * n) for _ in range(n)]) for _ in range(RESAMPLES)]


def single(y, p):
    y, p = np.array(list(y)), np.array(list(p))
    return {"accuracy": accuracy_score(y, p), "macro_f1": f1_score(y, p, average="macro", zero_division=0)}


def multi_sets(s):
    return [list(x) for x in s.split("|")]


def multi(y, p):
    mlb = MultiLabelBinarizer(classes=list(TYPES)).fit([list(TYPES)])
    Y, P = mlb.transform(y), mlb.transform(p)
    present = [k for k in range(len(TYPES)) if Y[:, k].any() or P[:, k].any()]
    return {
        "accuracy": accuracy_score(Y, P),
        "micro_f1": f1_score(Y, P, average="micro", zero_division=0),
        "macro_f1": f1_score(Y, P, labels=present, average="macro", zero_division=0) if present else 0.0,
    }


def paired(score, y, a, b):
    n = len(y)
    whole_a, whole_b = score(y, a), score(y, b)
    out = {}
    samples = {m: [] for m in whole_a}
    for idx in resamples(n):
        ya, pa, pb = [y[i] for i in idx], [a[i] for i in idx], [b[i] for i in idx]
        sa, sb = score(ya, pa), score(ya, pb)
        for m in samples:
            samples[m].append(sa[m] - sb[m])
    for m, d in samples.items():
        d = np.array(d)
        delta = whole_a[m] - whole_b[m]
        out[m] = {
            "a": whole_a[m],
            "b": whole_b[m],
            "delta": delta,
            "ci95": [float(np.percentile(d, 2.5)), float(np.percentile(d, 97.5))],
            # ties count as extreme, whatever the rounding (as in src/eval/paired.ts)
            # (r + 1) / (B + 1), as src/eval/paired.ts
            "p": float((np.sum(np.abs(d - delta) >= abs(delta) - 1e-12) + 1) / (len(d) + 1)),
        }
    right_a = np.array([x == z for x, z in zip(y, a)])
    right_b = np.array([x == z for x, z in zip(y, b)])
    table = [[int(np.sum(right_a & right_b)), int(np.sum(right_a & ~right_b))], [int(np.sum(~right_a & right_b)), int(np.sum(~right_a & ~right_b))]]
    out["mcnemar"] = {"a_only": table[0][1], "b_only": table[1][0], "p": float(mcnemar(table, exact=True).pvalue)}
    return out


print(
    json.dumps(
        {
            "stance": paired(single, list(Y_TRUE), list(A), list(B)),
            "hedge_type": paired(multi, multi_sets(H_TRUE), multi_sets(HA), multi_sets(HB)),
            "binomtest_40_of_100": binomtest(40, 100, 0.5).pvalue,
            "mcnemar_3_vs_17": float(mcnemar([[0, 3], [17, 0]], exact=True).pvalue),
            "first_resample_n10": resamples(10)[0].tolist(),
        },
        indent=1,
    )
)
