/**
 * The texts of lab init-mnist in English: its catalog entry (title, short, summary, expected) and its
 * page's messages, under the message key 'init-mnist'. ko.ts is typed against this object.
 * vue-i18n syntax: {name} is a placeholder; never use the characters | @ $ in plain text.
 */
const en = {
  title: 'Initial weights on MNIST',
  short: 'Init on MNIST',
  summary: 'Train the lab 2 network with SGD from std 0.01, Xavier and He initial weights and compare their loss curves (y range 0–2.5).',
  expected: 'With std 0.01 the network does not learn at all (loss stays near 2.30); He learns faster than Xavier.',
  pick: 'Initial weight values to compare',
  pickHint: 'Every run sees the same mini-batches; only the initial weights differ.',
  choice: {
    std: 'Normal, std σ',
    xavier: 'Xavier √(1/n)',
    he: 'He √(2/n)',
    zero: 'All zero',
  },
  chooseInit: 'choose at least one initial weight value',
  runStd: 'std={std}',
  runConstant: 'constant={value}',
  runHeader: 'Initial weights',
  emptyText: 'Choose the initial weight values on the left and press Run. The loss curves appear here live.',
  summaryTitle: 'What the runs show',
  summaryFinal: 'final smoothed loss {loss};',
  summaryStuck: 'it stays at ln 10 ≈ 2.30, the loss of guessing: it does not learn.',
  summaryReached: 'first below {target} at iteration {n}.',
  summaryNotReached: 'never below {target}.',
}

export default en
