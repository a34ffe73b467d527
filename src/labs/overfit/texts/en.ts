/**
 * The texts of lab overfit in English: its catalog entry (title, short, summary, expected) and its
 * page's messages, under the message key 'overfit'. ko.ts is typed against this object.
 * vue-i18n syntax: {name} is a placeholder; never use the characters | @ $ in plain text.
 */
const en = {
  title: 'Overfitting and its cures',
  short: 'Overfitting',
  summary: 'Train a deep network on only 300 samples and watch training accuracy run away from test accuracy; then apply weight decay (λ = 0.1) or dropout (ratio 0.2) and see the gap shrink.',
  expected: 'Without a cure training accuracy reaches 1.0 while test accuracy stays 0.2–0.3 lower; weight decay or dropout narrows the gap.',
  cureTitle: 'Cure for overfitting',
  cure: 'Cure',
  cureHintWeightDecay: 'Book’s settings: 300 training samples, 6 hidden layers × 100, 201 epochs, λ = 0.1. The run without a cure uses the same weights and mini-batches.',
  cureHintDropout: 'Book’s settings: 300 training samples, 7 hidden layers × 100, 301 epochs, dropout ratio 0.2. The run without a cure uses the same weights and mini-batches.',
  lambda: 'Weight decay λ',
  dropoutRatio: 'Dropout ratio',
  dropoutMode: 'Dropout form',
  modeBook: 'The book’s',
  modeInverted: 'Inverted',
  modeBookHint: 'The book’s dropout: training drops each unit with the ratio; at test time every output is multiplied by (1 − ratio).',
  modeInvertedHint: 'Inverted dropout: training divides the kept units by (1 − ratio); test time passes them unchanged.',
  experimentName: 'Overfitting: no cure vs {cured}',
  emptyText: 'Choose a cure on the left and press Run. Training and test accuracy and their gap appear here live.',
  noCure: 'No cure',
  curedWeightDecay: 'Weight decay λ = {lambda}',
  curedDropout: 'Dropout {ratio}',
  runHeader: 'Run',
  gapTitle: 'Gap between training and test accuracy per epoch',
  gapName: 'Gap',
  gapAxis: 'Train − test accuracy',
  gapColumn: 'Gap (train − test)',
}

export default en
