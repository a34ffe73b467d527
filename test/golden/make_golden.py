"""
Golden numbers for the engine tests, from the book's own code (Deep Learning from Scratch,
common/optimizer.py, common/util.py smooth_curve, common/layers.py BatchNormalization),
transcribed below exactly, run in float64 NumPy.

Regenerate (from the repository root):
    python3 test/golden/make_golden.py
It writes test/golden/optimizers.json and test/golden/batchnorm.json; commit both.

optimizers.json
  - "trajectories": each optimizer (defaults, plus one non-default setting) updating a fixed
    parameter vector 20 times with a fixed sequence of gradients (both stored in the JSON, so
    the TypeScript test feeds the same inputs); "params" holds the vector after each update.
  - "smoothing": smooth_curve on fixed series (n = 60, 11, 12), np.kaiser(11, 2), and the same
    construction with window lengths 5 and 21 (the app's smoothing control).
  - "paths2d": optimizer_compare_naive: f = x²/20 + y², start (−7, 2), 30 updates, learning
    rates SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3 (the book's), Nesterov 0.1 (the same as
    Momentum, for a fair comparison), RMSProp 0.15 (reaches the minimum in 30 steps like the
    others; 0.1 stops at x ≈ −0.7). "points" = start and the point after each update.
batchnorm.json
  - the book's BatchNormalization (γ, β set to fixed values) on 3 training batches: outputs
    and running mean/var after each; backward of the last batch; inference on a test batch.
"""
import json
import os

import numpy as np


# ---- common/optimizer.py (the book), transcribed; Nesterov as fixed in 2021 (step with the old v, then update it).
# Written once here where the book repeats itself: the zero state each optimizer creates on its
# first update (the book's `for key, val in params.items(): self.v[key] = np.zeros_like(val)`),
# and Nesterov's __init__, the same as Momentum's.
def zeros_like_each(params):
    return {key: np.zeros_like(val) for key, val in params.items()}


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for key in params.keys():
            params[key] -= self.lr * grads[key]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr = lr
        self.momentum = momentum
        self.v = None

    def update(self, params, grads):
        if self.v is None:
            self.v = zeros_like_each(params)
        for key in params.keys():
            self.v[key] = self.momentum * self.v[key] - self.lr * grads[key]
            params[key] += self.v[key]


class Nesterov(Momentum):  # the book's has the same __init__ as Momentum
    def update(self, params, grads):
        if self.v is None:
            self.v = zeros_like_each(params)
        for key in params.keys():
            params[key] += self.momentum * self.momentum * self.v[key]
            params[key] -= (1 + self.momentum) * self.lr * grads[key]
            self.v[key] *= self.momentum
            self.v[key] -= self.lr * grads[key]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr = lr
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = zeros_like_each(params)
        for key in params.keys():
            self.h[key] += grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr = lr
        self.decay_rate = decay_rate
        self.h = None

    def update(self, params, grads):
        if self.h is None:
            self.h = zeros_like_each(params)
        for key in params.keys():
            self.h[key] *= self.decay_rate
            self.h[key] += (1 - self.decay_rate) * grads[key] * grads[key]
            params[key] -= self.lr * grads[key] / (np.sqrt(self.h[key]) + 1e-7)


class Adam:
    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m = None
        self.v = None

    def update(self, params, grads):
        if self.m is None:
            self.m, self.v = zeros_like_each(params), zeros_like_each(params)
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for key in params.keys():
            self.m[key] += (1 - self.beta1) * (grads[key] - self.m[key])
            self.v[key] += (1 - self.beta2) * (grads[key] ** 2 - self.v[key])
            params[key] -= lr_t * self.m[key] / (np.sqrt(self.v[key]) + 1e-7)


# ---- common/util.py smooth_curve (the book), with the window length as a parameter ---------
def smooth_curve(x, window_len=11):
    s = np.r_[x[window_len - 1:0:-1], x, x[-1:-window_len:-1]]
    w = np.kaiser(window_len, 2)
    y = np.convolve(w / w.sum(), s, mode='valid')
    half = window_len // 2  # the book writes 5 for its window of 11
    return y[half:len(y) - half]


# ---- common/layers.py BatchNormalization (the book), 2-D inputs ---------------------------
class BatchNormalization:
    def __init__(self, gamma, beta, momentum=0.9, running_mean=None, running_var=None):
        self.gamma = gamma
        self.beta = beta
        self.momentum = momentum
        self.running_mean = running_mean
        self.running_var = running_var

    def forward(self, x, train_flg=True):
        if self.running_mean is None:
            N, D = x.shape
            self.running_mean = np.zeros(D)
            self.running_var = np.zeros(D)
        if train_flg:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc ** 2, axis=0)
            std = np.sqrt(var + 10e-7)
            xn = xc / std
            self.batch_size = x.shape[0]
            self.xc = xc
            self.xn = xn
            self.std = std
            self.running_mean = self.momentum * self.running_mean + (1 - self.momentum) * mu
            self.running_var = self.momentum * self.running_var + (1 - self.momentum) * var
        else:
            xc = x - self.running_mean
            xn = xc / ((np.sqrt(self.running_var + 10e-7)))
        return self.gamma * xn + self.beta

    def backward(self, dout):
        dbeta = dout.sum(axis=0)
        dgamma = np.sum(self.xn * dout, axis=0)
        dxn = self.gamma * dout
        dxc = dxn / self.std
        dstd = -np.sum((dxn * self.xc) / (self.std * self.std), axis=0)
        dvar = 0.5 * dstd / self.std
        dxc += (2.0 / self.batch_size) * self.xc * dvar
        dmu = np.sum(dxc, axis=0)
        dx = dxc - dmu / self.batch_size
        self.dgamma = dgamma
        self.dbeta = dbeta
        return dx


def lst(a):
    return np.asarray(a, dtype=np.float64).tolist()


def trajectories(rng):
    size, steps = 7, 20
    p0 = rng.normal(0, 1, size)
    grads = rng.normal(0, 1, (steps, size)) * np.array([1, 0.1, 10, 0.01, 1, 3, 0.5])
    grads[:, 6] = 0.0  # a coordinate that never gets a gradient (AdaGrad's ε path)
    settings = [
        ('sgd', {'lr': 0.01}, lambda: SGD(0.01)),
        ('sgd', {'lr': 0.5}, lambda: SGD(0.5)),
        ('momentum', {'lr': 0.01, 'momentum': 0.9}, lambda: Momentum(0.01, 0.9)),
        ('momentum', {'lr': 0.1, 'momentum': 0.5}, lambda: Momentum(0.1, 0.5)),
        ('nesterov', {'lr': 0.01, 'momentum': 0.9}, lambda: Nesterov(0.01, 0.9)),
        ('nesterov', {'lr': 0.1, 'momentum': 0.7}, lambda: Nesterov(0.1, 0.7)),
        ('adagrad', {'lr': 0.01}, lambda: AdaGrad(0.01)),
        ('adagrad', {'lr': 1.5}, lambda: AdaGrad(1.5)),
        ('rmsprop', {'lr': 0.01, 'decayRate': 0.99}, lambda: RMSprop(0.01, 0.99)),
        ('rmsprop', {'lr': 0.1, 'decayRate': 0.9}, lambda: RMSprop(0.1, 0.9)),
        ('adam', {'lr': 0.001, 'beta1': 0.9, 'beta2': 0.999}, lambda: Adam(0.001, 0.9, 0.999)),
        ('adam', {'lr': 0.3, 'beta1': 0.8, 'beta2': 0.99}, lambda: Adam(0.3, 0.8, 0.99)),
    ]
    out = []
    for kind, hyper, make in settings:
        opt = make()
        params = {'p': p0.copy()}
        history = []
        for g in grads:
            opt.update(params, {'p': g.copy()})
            history.append(lst(params['p']))
        out.append({'spec': {'kind': kind, **hyper}, 'params': history})
    return {'initial': lst(p0), 'grads': lst(grads), 'runs': out}


def smoothing(rng):
    n = 60
    series = 2.3 * np.exp(-np.arange(n) / 20.0) + rng.normal(0, 0.2, n)
    cases = [
        {'series': lst(series), 'window': 11, 'smoothed': lst(smooth_curve(series))},
        {'series': lst(series[:11]), 'window': 11, 'smoothed': lst(smooth_curve(series[:11]))},
        {'series': lst(series[:12]), 'window': 11, 'smoothed': lst(smooth_curve(series[:12]))},
        {'series': lst(series), 'window': 5, 'smoothed': lst(smooth_curve(series, 5))},
        {'series': lst(series), 'window': 21, 'smoothed': lst(smooth_curve(series, 21))},
    ]
    return {'kaiser11': lst(np.kaiser(11, 2)), 'cases': cases}


def paths2d():
    def df(x, y):
        return x / 10.0, 2.0 * y

    settings = [
        ({'kind': 'sgd', 'lr': 0.95}, SGD(lr=0.95)),
        ({'kind': 'momentum', 'lr': 0.1, 'momentum': 0.9}, Momentum(lr=0.1)),
        ({'kind': 'adagrad', 'lr': 1.5}, AdaGrad(lr=1.5)),
        ({'kind': 'adam', 'lr': 0.3, 'beta1': 0.9, 'beta2': 0.999}, Adam(lr=0.3)),
        ({'kind': 'nesterov', 'lr': 0.1, 'momentum': 0.9}, Nesterov(lr=0.1)),
        ({'kind': 'rmsprop', 'lr': 0.15, 'decayRate': 0.99}, RMSprop(lr=0.15)),
    ]
    out = []
    for spec, optimizer in settings:
        # optimizer_compare_naive.py: params and grads are Python floats keyed 'x' and 'y'
        params = {'x': -7.0, 'y': 2.0}
        grads = {'x': 0, 'y': 0}
        points = [[params['x'], params['y']]]
        for _ in range(30):
            grads['x'], grads['y'] = df(params['x'], params['y'])
            optimizer.update(params, grads)
            points.append([float(params['x']), float(params['y'])])
        out.append({'spec': spec, 'start': [-7.0, 2.0], 'steps': 30, 'points': points})
    return out


def batchnorm(rng):
    N, D = 8, 5
    gamma = rng.uniform(0.5, 1.5, D)
    beta = rng.normal(0, 0.5, D)
    bn = BatchNormalization(gamma, beta)
    batches = [rng.normal(rng.normal(0, 2, D), rng.uniform(0.1, 3, D), (N, D)) for _ in range(3)]
    train = []
    for x in batches:
        y = bn.forward(x, train_flg=True)
        train.append({'x': lst(x), 'out': lst(y), 'runningMean': lst(bn.running_mean), 'runningVar': lst(bn.running_var)})
    dout = rng.normal(0, 1, (N, D))
    dx = bn.backward(dout)
    x_test = rng.normal(0, 2, (6, D))
    return {
        'N': N, 'D': D, 'gamma': lst(gamma), 'beta': lst(beta), 'train': train,
        'backward': {'dout': lst(dout), 'dx': lst(dx), 'dgamma': lst(bn.dgamma), 'dbeta': lst(bn.dbeta)},
        'inference': {'x': lst(x_test), 'out': lst(bn.forward(x_test, train_flg=False))},
    }


def softmax_loss():
    """The book's SoftmaxWithLoss (common/layers.py) on float32 scores: a random batch, a row of
    large scores (the row max keeps exp finite) and a row of equal ones."""
    rng = np.random.default_rng(6)
    N, C = 12, 10
    x = rng.normal(0, 3, (N, C)).astype(np.float32)
    x[1] = np.linspace(900, 1000, C, dtype=np.float32)
    x[2] = -7.5
    t = rng.integers(0, C, N)
    xs = x.astype(np.float64)
    xs = xs - xs.max(axis=1, keepdims=True)
    y = np.exp(xs) / np.sum(np.exp(xs), axis=1, keepdims=True)
    loss = -np.sum(np.log(y[np.arange(N), t] + 1e-7)) / N
    dx = y.copy()
    dx[np.arange(N), t] -= 1
    dx = dx / N
    return {'N': N, 'C': C, 'x': lst(x), 't': [int(v) for v in t], 'y': lst(y), 'loss': float(loss), 'dx': lst(dx)}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    rng = np.random.default_rng(20240601)
    golden = {
        'numpy': np.__version__,
        'trajectories': trajectories(rng),
        'smoothing': smoothing(rng),
        'paths2d': paths2d(),
    }
    with open(os.path.join(here, 'optimizers.json'), 'w') as f:
        json.dump(golden, f, indent=1)
        f.write('\n')
    with open(os.path.join(here, 'batchnorm.json'), 'w') as f:
        json.dump({'numpy': np.__version__, **batchnorm(rng)}, f, indent=1)
        f.write('\n')
    with open(os.path.join(here, 'softmax.json'), 'w') as f:
        json.dump({'numpy': np.__version__, **softmax_loss()}, f, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()
