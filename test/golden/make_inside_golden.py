"""
Golden numbers for the inside statistics (issue 12), computed independently with NumPy in float64
on float32 arrays (the engine's storage type). Regenerate from the repository root:
    python3 test/golden/make_inside_golden.py
It writes test/golden/inside.json (inputs and expected outputs); commit it.

The rules (the same as src/engine/inside/stats.ts, written the NumPy way):
  - histogram: np.histogram(np.clip(a, lo, hi), bins, range=(lo, hi)): values beyond the range
    count in the end bins;
  - mean, std: a.mean(), a.std() (ddof 0);
  - dead: fraction of columns (units) that are 0 for every row: np.all(a == 0, axis=0).mean();
  - saturated: sigmoid (a < 0.01) | (a > 0.99); tanh |a| > 0.99, averaged over all values;
  - gradNorm = ||dW||, updateRatio = ||W - W_prev|| / ||W_prev||;
  - softmax rows and the arg-max (first on ties).
"""
import json
import os

import numpy as np

rng = np.random.default_rng(2026)
f32 = lambda a: np.asarray(a, dtype=np.float32)


def hist(a, lo, hi, bins):
    counts, _ = np.histogram(np.clip(a.astype(np.float64), lo, hi), bins=bins, range=(lo, hi))
    return counts.tolist()


cases = []
# ReLU: 50 probe rows x 20 units, 4 dead units; pre-activations spread beyond +-3
pre = f32(rng.normal(0, 2, (50, 20)))
pre[:, [2, 7, 11, 19]] = -np.abs(pre[:, [2, 7, 11, 19]]) - 0.1
act = np.maximum(pre, 0).astype(np.float32)
cases.append({"kind": "relu", "rows": 50, "units": 20, "pre": pre.ravel().tolist(), "act": act.ravel().tolist(),
              "preHist": hist(pre, -3, 3, 30), "actHist": hist(act, 0, 3, 30),
              "mean": float(act.astype(np.float64).mean()), "std": float(act.astype(np.float64).std()),
              "dead": float(np.all(act == 0, axis=0).mean())})
# sigmoid and tanh with many saturated values
pre = f32(rng.normal(0, 4, (40, 15)))
act = f32(1 / (1 + np.exp(-pre.astype(np.float64))))
a64 = act.astype(np.float64)
cases.append({"kind": "sigmoid", "rows": 40, "units": 15, "pre": pre.ravel().tolist(), "act": act.ravel().tolist(),
              "preHist": hist(pre, -6, 6, 30), "actHist": hist(act, 0, 1, 30),
              "mean": float(a64.mean()), "std": float(a64.std()), "saturated": float(((a64 < 0.01) | (a64 > 0.99)).mean())})
pre = f32(rng.normal(0, 3, (40, 15)))
act = f32(np.tanh(pre.astype(np.float64)))
a64 = act.astype(np.float64)
cases.append({"kind": "tanh", "rows": 40, "units": 15, "pre": pre.ravel().tolist(), "act": act.ravel().tolist(),
              "preHist": hist(pre, -3, 3, 30), "actHist": hist(act, -1, 1, 30),
              "mean": float(a64.mean()), "std": float(a64.std()), "saturated": float((np.abs(a64) > 0.99).mean())})

# weights of one Affine layer before and after a step, its gradient
W_prev = f32(rng.normal(0, 0.05, (30, 20)))
dW = f32(rng.normal(0, 0.3, (30, 20)))
W = f32(W_prev - 0.01 * dW)
r = 2 * float(np.abs(W_prev.astype(np.float64)).max())
weights = {"W": W.ravel().tolist(), "Wprev": W_prev.ravel().tolist(), "dW": dW.ravel().tolist(),
           "range": r, "hist": hist(W, -r, r, 30),
           "gradNorm": float(np.linalg.norm(dW.astype(np.float64))),
           "updateRatio": float(np.linalg.norm(W.astype(np.float64) - W_prev) / np.linalg.norm(W_prev.astype(np.float64)))}

# softmax of class scores and the predicted class
scores = f32(rng.normal(0, 3, (12, 10)))
s = scores.astype(np.float64)
e = np.exp(s - s.max(axis=1, keepdims=True))
p = e / e.sum(axis=1, keepdims=True)
softmax = {"rows": 12, "cols": 10, "scores": scores.ravel().tolist(), "probs": p.ravel().tolist(),
           "predicted": s.argmax(axis=1).tolist(), "probHist": hist(p, 0, 1, 20)}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "inside.json")
with open(out, "w") as fh:
    json.dump({"activations": cases, "weights": weights, "softmax": softmax}, fh)
print("wrote", out)
