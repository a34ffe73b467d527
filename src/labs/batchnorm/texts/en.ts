/**
 * The texts of lab batchnorm in English: its catalog entry (title, short, summary, expected) and its
 * page's messages, under the message key 'batchnorm'. ko.ts is typed against this object.
 * vue-i18n syntax: {name} is a placeholder; never use the characters | @ $ in plain text.
 */
const en = {
  title: 'Batch normalization',
  short: 'Batch normalization',
  summary: 'At 16 weight scales from 1 down to 0.0001, train the same network with and without batch normalization from the same initial weights, and plot the training accuracy per epoch as 4×4 small multiples.',
  expected: 'With batch normalization the network learns faster at most scales; without it, small scales do not learn at all.',
  scalesTitle: 'Weight scales',
  scales: 'Number of weight scales',
  scalesHint: 'Taken evenly from the book’s 16 scales 1 … 0.0001 (logspace(0, −4, 16)); each is trained with and without batch normalization: {runs} runs.',
  experimentName: 'Batch normalization: {n} weight scales × with/without',
  emptyText: 'Press Run to train every weight scale with and without batch normalization. The grid fills in here as runs finish.',
  runsDone: 'Runs done {done} / {total}',
  overallLabel: 'Progress of the whole experiment',
  etaUnknown: 'estimating time left…',
  gridTitle: 'Training accuracy per epoch at each weight scale',
  gridName: 'the grid',
  gridHint: 'Each cell is one weight scale W (standard deviation of the initial weights); both runs start from the same weights. Click a cell to open it large.',
  cellTitle: 'W: {w}',
  cellName: 'W: {w}',
  openCell: 'Open {title} large',
  withBn: 'With batch normalization',
  withoutBn: 'Without batch normalization',
  epochOf: 'epoch {n}/{total}',
  diverged: 'diverged',
  dialogTitle: 'Weight scale W = {w}',
  dialogChart: 'Accuracy per epoch at W = {w}',
  runHeader: 'Run',
  summaryTitle: 'Summary',
  summaryHigher: 'With batch normalization the final training accuracy is higher at {n} of {total} weight scales.',
  summaryFaster: 'It learns faster (higher mean training accuracy over the epochs) at {n} of {total}.',
  summaryStuck: 'Without batch normalization {n} of {total} scales do not learn (final training accuracy below {acc}); with it, {bn} of {total}.',
  summaryDiverged: 'Without batch normalization training diverged (the loss became NaN or exploded) at W = {list}: counted as not learning.',
  summaryTable: 'Final accuracy at each weight scale',
  scaleHeader: 'Weight scale W',
  trainWith: 'Train, with BN',
  trainWithout: 'Train, without',
  testWith: 'Test, with BN',
  testWithout: 'Test, without',
  divergedNote: 'diverged: the value is the last training accuracy measured before training stopped.',
}

export default en
