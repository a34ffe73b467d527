/**
 * The texts of lab paths-2d in English: its catalog entry (title, short, summary, expected) and its
 * page's messages, under the message key 'paths-2d'. ko.ts is typed against this object.
 * vue-i18n syntax: {name} is a placeholder; never use the characters | @ $ in plain text.
 */
const en = {
  title: 'Optimizer paths on a 2-D function',
  short: 'Optimizer paths',
  summary: 'Watch SGD, Momentum, Nesterov, AdaGrad, RMSProp and Adam walk down f(x, y) = x²/20 + y² from (−7, 2) in 30 steps, drawn over the contour lines. Move the start point, change each hyperparameter and step through every update with its internal state (v, h, m).',
  expected: 'SGD zigzags along the steep y direction and crawls along x; Momentum rolls like a ball; AdaGrad and Adam head for the minimum much more directly.',
  function: 'Function',
  fn: {
    lesson: 'The lesson’s f = x²/20 + y²',
    rosenbrock: 'Rosenbrock (narrow curved valley)',
    beale: 'Beale (flat valleys)',
    himmelblau: 'Himmelblau (four minima)',
    saddle: 'Saddle x² − y² (no minimum)',
  },
  otherFunctionHint: 'The book’s learning rates are tuned for x²/20 + y²; on this function some paths may leave the plot or diverge: try smaller η.',
  startAndSteps: 'Start point and steps',
  startX: 'Start x',
  startY: 'Start y',
  steps: 'Steps (updates)',
  optimizers: 'Optimizers and their hyperparameters',
  optimizersHint: 'Each optimizer starts from the same point. Defaults are the book’s: SGD η 0.95, Momentum η 0.1, AdaGrad η 1.5, Adam η 0.3.',
  invalid: 'Fix the highlighted fields: the figure shows the last valid settings.',
  save: 'Save to History',
  saved: 'Saved as experiment #{id}.',
  openSaved: 'Open it',
  noResult: 'This experiment has no stored result to draw.',
  overlay: 'All paths on the contour lines',
  overlayLabel: 'Contour lines of {formula} with every optimizer’s path',
  plotLabel: 'Path of {optimizer} on the contour lines',
  perOptimizer: 'One plot per optimizer',
  legend: 'Optimizers',
  diverged: 'diverged',
  marks: '+ minimum · ○ start',
  marksSaddle: '× saddle point (no minimum) · ○ start',
  clickHint: 'Click anywhere on a plot to start from there. Dots are the points after each update; the large dot is the current step.',
  chartName: 'the optimizer paths',
  exportJsonLabel: 'Export the settings as JSON',
  figureFooter: 'Start ({start}), {steps} steps, shown up to step {step} · Gradient Lab',
  symbol: {
    lr: 'η',
    momentum: 'α',
    decayRate: 'γ',
    beta1: 'β1',
    beta2: 'β2',
  },
  player: {
    label: 'Step through the updates',
    first: 'First step',
    previous: 'Previous step',
    play: 'Play',
    pause: 'Pause',
    next: 'Next step',
    last: 'Last step',
    slider: 'Step',
    stepOf: 'Step {step} / {max}',
    speed: 'Speed',
    slow: 'Slow',
    normal: 'Normal',
    fast: 'Fast',
  },
  inspector: {
    caption: 'Step inspector: step {step}',
    noteStart: 'Step 0 is the start point: no update yet, so no gradient or state.',
    note: 'The point after {step} updates; g is the gradient update {step} used (at the point before it); the state is the optimizer’s right after that update.',
    optimizer: 'Optimizer',
    point: 'Point (x, y)',
    grad: 'Gradient g',
    state: 'Internal state',
    noState: 'none (SGD keeps no state)',
    stopped: 'diverged: the path stopped after step {step}',
  },
  state: {
    momentum: {
      v: 'velocity v ← αv − ηg',
    },
    nesterov: {
      v: 'velocity v ← αv − ηg',
    },
    adagrad: {
      h: 'sum of squared gradients h ← h + g⊙g',
    },
    rmsprop: {
      h: 'moving average of squared gradients h ← γh + (1 − γ)g⊙g',
    },
    adam: {
      m: 'first moment m (moving average of g)',
      v: 'second moment v (moving average of g⊙g)',
      t: 'number of updates t',
      lrT: 'bias-corrected learning rate η_t',
    },
  },
}

export default en
