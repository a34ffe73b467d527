#!/usr/bin/env python3
"""NumPy baseline for `npm run bench`: the book's MultiLayerNet (Affine/ReLU/SoftmaxWithLoss,
common/layers.py) and optimizers (common/optimizer.py) in float64, timed on the data the bench
hands over (the same prepared MNIST arrays the engine trains on).

Modes (one JSON object on stdout):
  step    ms per training step (forward, backward, update) per optimizer
  lab2    wall time of lab 2: the optimizers x iterations, paired (same initial weights and
          batches), loss every iteration, train/test accuracy at 0, every eval_every and the end
  search  wall time of the random search: trials x epochs of SGD with lr = 10^U(-6,-2),
          lambda = 10^U(-8,-4), train/validation accuracy after every epoch
  kernels GFLOPS of np.dot at the given shapes (float64 and float32)

"Same computation as the engine": like the engine, the first Affine layer's input gradient is
not computed and the weight-decay penalty is skipped when lambda = 0 (the book's script does
both; --book restores them, which costs NumPy about 10-15% more).
Threads: whatever OPENBLAS_NUM_THREADS says (the bench runs `step` with 1, the others with
the default); the BLAS core and thread count actually used are reported.
"""
import argparse
import ctypes
import glob
import json
import os
import sys
import time

import numpy as np


def blas_info():
    info = {"numpy": np.__version__, "threads": None, "core": None}
    try:
        libs = glob.glob(os.path.join(os.path.dirname(np.__file__), "..", "numpy.libs", "libscipy_openblas*.so*"))
        if libs:
            lib = ctypes.CDLL(libs[0])
            for name in ("scipy_openblas_get_corename64_", "openblas_get_corename64_", "openblas_get_corename"):
                if hasattr(lib, name):
                    f = getattr(lib, name)
                    f.restype = ctypes.c_char_p
                    info["core"] = f().decode()
                    break
            for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
                if hasattr(lib, name):
                    info["threads"] = int(getattr(lib, name)())
                    break
    except OSError:
        pass
    try:
        import threadpoolctl  # noqa: F401  (preferred when present)

        for pool in threadpoolctl.threadpool_info():
            if pool.get("internal_api") == "openblas":
                info["core"] = pool.get("architecture")
                info["threads"] = pool.get("num_threads")
    except ImportError:
        pass
    return info


# ---- the book's layers (common/layers.py, common/functions.py) ---------------------------------
def softmax(x):
    x = x - x.max(axis=1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=1, keepdims=True)


class Relu:
    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout[self.mask] = 0
        return dout


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b

    def forward(self, x):
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout, need_dx=True):
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T) if need_dx else None


class SoftmaxWithLoss:
    def forward(self, x, t):
        self.t = t
        self.y = softmax(x)
        n = x.shape[0]
        return -np.sum(np.log(self.y[np.arange(n), t] + 1e-7)) / n

    def backward(self):
        n = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(n), self.t] -= 1
        return dx / n


class MultiLayerNet:
    """The book's MultiLayerNet (ReLU, He init, optional weight decay)."""

    def __init__(self, sizes, rng, weight_decay=0.0, book=False):
        self.params = {}
        self.layers = []
        self.weight_decay = weight_decay
        self.book = book
        for i in range(1, len(sizes)):
            std = np.sqrt(2.0 / sizes[i - 1])
            self.params["W%d" % i] = std * rng.standard_normal((sizes[i - 1], sizes[i]))
            self.params["b%d" % i] = np.zeros(sizes[i])
        self.n = len(sizes) - 1
        self.affines = [Affine(self.params["W%d" % i], self.params["b%d" % i]) for i in range(1, self.n + 1)]
        self.relus = [Relu() for _ in range(self.n - 1)]
        self.last = SoftmaxWithLoss()

    def predict(self, x):
        for i in range(self.n - 1):
            x = self.relus[i].forward(self.affines[i].forward(x))
        return self.affines[-1].forward(x)

    def loss(self, x, t):
        loss = self.last.forward(self.predict(x), t)
        if self.weight_decay != 0 or self.book:
            for i in range(1, self.n + 1):
                loss += 0.5 * self.weight_decay * np.sum(self.params["W%d" % i] ** 2)
        return loss

    def gradient(self, x, t):
        loss = self.loss(x, t)
        dout = self.last.backward()
        dout = self.affines[-1].backward(dout)
        for i in range(self.n - 2, -1, -1):
            dout = self.relus[i].backward(dout)
            dout = self.affines[i].backward(dout, need_dx=(i > 0 or self.book))
        grads = {}
        for i in range(1, self.n + 1):
            a = self.affines[i - 1]
            grads["W%d" % i] = a.dW + self.weight_decay * self.params["W%d" % i] if (self.weight_decay != 0 or self.book) else a.dW
            grads["b%d" % i] = a.db
        return loss, grads

    def accuracy(self, x, t, chunk=1000):
        correct = 0
        for s in range(0, x.shape[0], chunk):
            y = self.predict(x[s : s + chunk])
            correct += int(np.sum(np.argmax(y, axis=1) == t[s : s + chunk]))
        return correct / x.shape[0]

    def copy_params_from(self, other):
        for k, v in other.params.items():
            self.params[k][...] = v


# ---- the book's optimizers (common/optimizer.py) ------------------------------------------------
class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr, self.h = lr, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {k: np.zeros_like(v) for k, v in params.items()}
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.iter, self.m, self.v = 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(v) for k, v in params.items()}
            self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2**self.iter) / (1.0 - self.beta1**self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "adagrad": AdaGrad, "adam": Adam}


def load(prefix, name, rows, cols):
    x = np.fromfile("%s.%s.x.f32" % (prefix, name), dtype=np.float32).reshape(rows, cols).astype(np.float64)
    y = np.fromfile("%s.%s.y.u8" % (prefix, name), dtype=np.uint8).astype(np.int64)
    return x, y


def mode_step(a, rng):
    x, t = load(a.data, "train", a.train_rows, a.cols)
    sizes = [a.cols] + a.hidden + [10]
    out, cpu = {}, {}
    for kind in a.optimizers:
        net = MultiLayerNet(sizes, np.random.default_rng(1), book=a.book)
        opt = OPTIMIZERS[kind]()
        idx_rng = np.random.default_rng(2)
        def one():
            mask = idx_rng.choice(x.shape[0], a.batch)
            _, grads = net.gradient(x[mask], t[mask])
            opt.update(net.params, grads)
        for _ in range(a.warmup):
            one()
        best = float("inf")
        best_cpu = float("inf")
        for _ in range(a.repeats):  # best of a few timed blocks: the machines are shared
            t0 = time.perf_counter()
            c0 = time.process_time()
            for _ in range(a.iters):
                one()
            best = min(best, (time.perf_counter() - t0) * 1000 / a.iters)
            best_cpu = min(best_cpu, (time.process_time() - c0) * 1000 / a.iters)
        out[kind] = best
        cpu[kind] = best_cpu
    return {"msPerStep": out, "cpuMsPerStep": cpu}


def mode_lab2(a, rng):
    x, t = load(a.data, "train", a.train_rows, a.cols)
    xt, tt = load(a.data, "test", a.test_rows, a.cols)
    sizes = [a.cols] + a.hidden + [10]
    t0 = time.perf_counter()
    c0 = time.process_time()
    init = MultiLayerNet(sizes, np.random.default_rng(1))
    nets, opts = {}, {}
    for kind in a.optimizers:
        nets[kind] = MultiLayerNet(sizes, np.random.default_rng(1))
        nets[kind].copy_params_from(init)  # paired: the same initial weights
        opts[kind] = OPTIMIZERS[kind]()
    losses = {k: [] for k in a.optimizers}
    accs = {k: [] for k in a.optimizers}
    for kind in a.optimizers:
        accs[kind].append((nets[kind].accuracy(x, t), nets[kind].accuracy(xt, tt)))
    idx_rng = np.random.default_rng(3)
    for i in range(a.iters):
        mask = idx_rng.choice(x.shape[0], a.batch)  # paired: the same batch for every optimizer
        xb, tb = x[mask], t[mask]
        for kind in a.optimizers:
            loss, grads = nets[kind].gradient(xb, tb)
            opts[kind].update(nets[kind].params, grads)
            losses[kind].append(loss)
        if (i + 1) % a.eval_every == 0 or i + 1 == a.iters:
            for kind in a.optimizers:
                accs[kind].append((nets[kind].accuracy(x, t), nets[kind].accuracy(xt, tt)))
    wall = time.perf_counter() - t0
    return {"wallS": wall, "cpuS": time.process_time() - c0, "finalLoss": {k: float(np.mean(v[-50:])) for k, v in losses.items()},
            "finalAcc": {k: v[-1] for k, v in accs.items()}}


def mode_search(a, rng):
    x, t = load(a.data, a.train_name, a.train_rows, a.cols)
    xv, tv = load(a.data, a.val_name, a.val_rows, a.cols)
    sizes = [a.cols] + a.hidden + [10]
    per_epoch = max(a.train_rows // a.batch, 1)
    t0 = time.perf_counter()
    c0 = time.process_time()
    best = 0.0
    for trial in range(a.trials):
        lr = 10 ** rng.uniform(-6, -2)
        wd = 10 ** rng.uniform(-8, -4)
        net = MultiLayerNet(sizes, np.random.default_rng(100 + trial), weight_decay=wd, book=a.book)
        opt = SGD(lr)
        for e in range(a.epochs * per_epoch):
            mask = rng.choice(x.shape[0], a.batch)
            _, grads = net.gradient(x[mask], t[mask])
            opt.update(net.params, grads)
            if (e + 1) % per_epoch == 0:
                net.accuracy(x, t)
                best = max(best, net.accuracy(xv, tv))
    return {"wallS": time.perf_counter() - t0, "cpuS": time.process_time() - c0, "bestValAcc": best}


def mode_kernels(a, rng):
    out = []
    for m, k, n, op in json.loads(a.shapes):
        row = {"m": m, "k": k, "n": n, "op": op}
        for dt in (np.float64, np.float32):
            A = rng.standard_normal((k, m) if op == "matmulTN" else (m, k)).astype(dt)
            B = rng.standard_normal((n, k) if op == "matmulNT" else (k, n)).astype(dt)
            f = {"matmul": lambda: np.dot(A, B), "matmulTN": lambda: np.dot(A.T, B), "matmulNT": lambda: np.dot(A, B.T)}[op]
            for _ in range(20):
                f()
            reps = max(20, int(2e8 / (2 * m * k * n)))
            best = float("inf")
            for _ in range(3):
                t0 = time.perf_counter()
                for _ in range(reps):
                    f()
                best = min(best, (time.perf_counter() - t0) / reps)
            row["gflops64" if dt is np.float64 else "gflops32"] = 2 * m * k * n / best / 1e9
        out.append(row)
    return {"kernels": out}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["step", "lab2", "search", "kernels"])
    p.add_argument("--data", help="prefix of the .x.f32/.y.u8 files the bench wrote")
    p.add_argument("--cols", type=int, default=784)
    p.add_argument("--train-rows", type=int, default=8000)
    p.add_argument("--test-rows", type=int, default=2000)
    p.add_argument("--val-rows", type=int, default=100)
    p.add_argument("--hidden", type=lambda s: [int(v) for v in s.split(",")], default=[100, 100, 100, 100])
    p.add_argument("--optimizers", type=lambda s: s.split(","), default=["sgd", "momentum", "adagrad", "adam"])
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--iters", type=int, default=200)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--eval-every", type=int, default=500)
    p.add_argument("--trials", type=int, default=100)
    p.add_argument("--epochs", type=int, default=50)
    p.add_argument("--shapes", default="[]")
    p.add_argument("--train-name", default="train", help="which data files: <data>.<name>.x.f32")
    p.add_argument("--val-name", default="val")
    p.add_argument("--book", action="store_true", help="the book's extra work: first-layer dx, the lambda=0 penalty")
    a = p.parse_args()
    rng = np.random.default_rng(0)
    res = {"step": mode_step, "lab2": mode_lab2, "search": mode_search, "kernels": mode_kernels}[a.mode](a, rng)
    res["blas"] = blas_info()
    json.dump(res, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
