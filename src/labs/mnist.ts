/**
 * What the lesson's MNIST labs (2, 4, 5, 6) share: a hidden stack of equal blocks, the budget
 * fields (labs 2 and 4 train for iterations with accuracy every evalEvery; labs 5 and 6 run SGD for
 * epochs on the first trainSize samples), their CLI keys, and the run spec on the built-in MNIST.
 */
import { z } from 'zod'
import { ActivationSchema, type Activation, type Budget, type InitSpec, type OptimizerSpec, type RunSpec } from '../shared/schemas'
import { blocks, seedField, widthsField } from './common'
import { enumKey, intKey, numberKey, widthsKey } from './keys'
import type { CliKey } from './types'

/** The book's hidden_size_list and one activation for every block. */
export const stackFields = (widths: number[]) => ({ hidden: widthsField(widths), activation: ActivationSchema.default('relu') })
export const stackKeys: CliKey[] = [widthsKey('hidden'), enumKey('activation', 'activation of every hidden layer', ActivationSchema.options)]

/** Labs 2 and 4: iterations of mini-batches of 128, train and test accuracy every evalEvery (and at 0 and the end). */
export const iterationFields = {
  batchSize: z.number().int().positive().max(8000).default(128),
  iterations: z.number().int().positive().max(100_000).default(2000),
  /** Accuracy on the train and test sets every this many iterations (and at 0 and the end). */
  evalEvery: z.number().int().positive().default(500),
  seed: seedField,
}
export const iterationKeys = (per: string): CliKey[] => [
  intKey('iterations', `training iterations per ${per} (book: 2000)`),
  intKey('batchSize', 'mini-batch size (book: 128)'),
  intKey('evalEvery', 'evaluate train/test accuracy every N iterations'),
]

/** Labs 5 and 6: SGD with η 0.01 and mini-batches of 100 for some epochs on the first trainSize samples. */
export const epochFields = (book: { trainSize: number; epochs: number }) => ({
  trainSize: z.number().int().positive().max(60_000).default(book.trainSize),
  lr: z.number().positive('lr must be > 0').default(0.01),
  batchSize: z.number().int().positive().default(100),
  epochs: z.number().int().positive().max(10_000).default(book.epochs),
})
export const epochKeys = (book: { trainSize: string; epochs: string }): CliKey[] => [
  intKey('epochs', `epochs (book: ${book.epochs})`),
  intKey('trainSize', `training samples (book: ${book.trainSize})`),
  intKey('batchSize', 'mini-batch size (book: 100)'),
]
export const sgdLrKey = numberKey('lr', 'SGD learning rate (book: 0.01)', { positive: true })

/** The network of a stack: its blocks, the init, and what a cure adds (batch norm, dropout, weight decay). */
export function stackNetwork(
  p: { hidden: number[]; activation: Activation },
  init: InitSpec,
  extra: { batchNorm?: boolean; dropout?: number; weightDecay?: number; dropoutMode?: 'book' | 'inverted' } = {},
): RunSpec['network'] {
  return { hidden: blocks(p.hidden, p.activation, extra), init, weightDecay: extra.weightDecay ?? 0, dropoutMode: extra.dropoutMode ?? 'book', bias: true }
}

/** One run on the built-in MNIST as the book trains: mini-batches drawn with replacement, the loss recorded. */
export function mnistRun(
  network: RunSpec['network'],
  optimizer: OptimizerSpec,
  t: { batchSize: number; budget: Budget; seed: number; trainSize?: number; evalEvery?: number },
): RunSpec {
  return {
    network,
    optimizer,
    data: { source: { kind: 'builtin-mnist' }, ...(t.trainSize === undefined ? {} : { trainSize: t.trainSize }), validationSplit: 0 },
    batchSize: t.batchSize,
    budget: t.budget,
    sampling: 'replacement',
    ...(t.evalEvery === undefined ? {} : { evalEvery: t.evalEvery }),
    recordLoss: true,
    seed: t.seed,
    divergenceFactor: 3,
  }
}
