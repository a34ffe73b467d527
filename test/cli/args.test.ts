/** The CLI's argument parsing (node:util parseArgs underneath): every flag, and every mistake named. */
import { describe, expect, it } from 'vitest'
import { UsageError, parseCliArgs } from '../../src/cli/args'

describe('parseCliArgs', () => {
  it('reads every flag of run, list, export and import', () => {
    expect(parseCliArgs(['run', 'p', '--set', 'lr.adam=-0.1', '--set', 'iterations=2', '--seed', '3', '--db', 'd.db', '--json'])).toEqual({
      command: 'run', preset: 'p', sets: [['lr.adam', '-0.1'], ['iterations', '2']], seed: 3, db: 'd.db', json: true,
    })
    expect(parseCliArgs(['run', 'p', '--set=hidden=100,50'])).toMatchObject({ sets: [['hidden', '100,50']], json: false })
    expect(parseCliArgs(['list', '--db', 'x.db'])).toEqual({ command: 'list', db: 'x.db', json: false })
    expect(parseCliArgs(['export', '2', '--format=png', '--out', 'o'])).toEqual({ command: 'export', experimentId: 2, format: 'png', out: 'o', db: undefined })
    expect(parseCliArgs(['import', 'b.json', '--json'])).toEqual({ command: 'import', file: 'b.json', db: undefined, json: true, duplicates: 'ask' })
    expect(parseCliArgs([])).toEqual({ command: 'help' })
    expect(parseCliArgs(['-h'])).toEqual({ command: 'help' })
  })

  it.each([
    [['run', 'p', '--seed', '-1'], /^seed: must be ≥ 0/],
    [['run', 'p', '--colour', 'blue'], /^unknown option '--colour'$/],
    [['run', 'p', '--db'], /^--db needs a value$/],
    [['run', 'p', '--json=1'], /^--json takes no value$/],
    [['run', 'p', '--set', 'a'], /^--set expects key=value \(got 'a'\)$/],
    [['run'], /^run needs a preset name/],
    [['run', 'a', 'b'], /^unexpected argument 'b'$/],
    [['list', '--seed', '2'], /^list takes only --db and --json$/],
    [['fly'], /^unknown command 'fly'/],
    [['export', '1', '--format', 'gif', '--out', 'o'], /^--format must be one of png, csv, json, bundle$/],
    [['export', '1', '--format', 'png'], /^--out DIR is required$/],
    [['export', 'abc', '--format', 'png', '--out', 'o'], /^experiment id: 'abc' is not a positive whole number$/],
    [['export', '1', '--bogus'], /^unknown option '--bogus' for export$/],
    [['import', 'f', '--out', 'x'], /^unknown option '--out' for import$/],
    [['import'], /^import needs exactly one bundle file$/],
  ])('%j is a UsageError naming what is wrong', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError)
    expect(() => parseCliArgs(argv)).toThrow(message)
  })
})
