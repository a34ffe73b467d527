/**
 * The texts of lab optimizers-mnist in English: its catalog entry (title, short, summary, expected) and its
 * page's messages, under the message key 'optimizers-mnist'. ko.ts is typed against this object.
 * vue-i18n syntax: {name} is a placeholder; never use the characters | @ $ in plain text.
 */
const en = {
  title: 'Optimizers on MNIST',
  short: 'Optimizers on MNIST',
  summary: 'Race optimizers on the same 784-100-100-100-100-10 ReLU network, from the same initial weights and the same mini-batches, and compare their loss curves.',
  expected: 'SGD learns clearly the slowest; Momentum, AdaGrad and Adam are close to each other.',
}

export default en
