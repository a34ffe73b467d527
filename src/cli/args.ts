/**
 * Parses the CLI's arguments with node:util's parseArgs (strict: an unknown option or a missing
 * value is refused); every mistake is a UsageError (exit code 2) naming what is wrong.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { findKey, parseNumber, setKeys } from '../labs/keys'
import type { LabDefinition } from '../labs/types'

export class UsageError extends Error {}

export type CliArgs =
  | { command: 'help' }
  | { command: 'presets' }
  | { command: 'run'; preset: string; sets: [string, string][]; seed?: number; db?: string; json: boolean }
  | { command: 'list'; db?: string; json: boolean }
  | { command: 'export'; experimentId: number; format: ExportFormat; out: string; db?: string }
  | { command: 'import'; file: string; db?: string; json: boolean; duplicates: ImportDuplicates }

/**
 * What `import` does with experiments already stored (the same bundle imported before), as
 * History asks: 'ask' (no flag) refuses and names them, --skip-duplicates skips them,
 * --import-again imports them as new experiments.
 */
export type ImportDuplicates = 'ask' | 'skip' | 'keep'

export const EXPORT_FORMATS = ['png', 'csv', 'json', 'bundle'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

type Options = NonNullable<ParseArgsConfig['options']>

const RUN_OPTIONS = { json: { type: 'boolean' }, db: { type: 'string' }, seed: { type: 'string' }, set: { type: 'string', multiple: true } } satisfies Options
const EXPORT_OPTIONS = { db: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' } } satisfies Options
const IMPORT_OPTIONS = { db: { type: 'string' }, json: { type: 'boolean' }, 'skip-duplicates': { type: 'boolean' }, 'import-again': { type: 'boolean' } } satisfies Options

/**
 * parseArgs over `args`, its errors said our way. A string option's value is joined to it first
 * (`--seed -1` → `--seed=-1`): parseArgs would take a value starting with '-' for another option.
 */
function parse<O extends Options>(args: string[], options: O, context = '') {
  const joined: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : ''
    if (options[name]?.type === 'string' && i + 1 < args.length) joined.push(`${a}=${args[++i]}`)
    else joined.push(a)
  }
  try {
    return parseArgs({ args: joined, options, allowPositionals: true, strict: true })
  } catch (e) {
    const err = e as Error & { code?: string }
    const option = /'(-[^' ]+)/.exec(err.message)?.[1] ?? ''
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option '${option}'${context}`)
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const plain = option.replace(/=.*$/, '')
      throw new UsageError(options[plain.replace(/^--/, '')]?.type === 'boolean' ? `${plain} takes no value` : `${plain} needs a value`)
    }
    throw new UsageError(err.message)
  }
}

export function parseCliArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' }
  if (command === 'presets') return { command: 'presets' }
  if (command === 'export' || command === 'import') return parseTransfer(command, rest)
  if (command !== 'run' && command !== 'list') throw new UsageError(`unknown command '${command}' (commands: presets, run, list, export, import)`)
  const { values: v, positionals } = parse(rest, RUN_OPTIONS)
  const sets = (v.set ?? []).map((kv): [string, string] => {
    const eq = kv.indexOf('=')
    if (eq <= 0) throw new UsageError(`--set expects key=value (got '${kv}')`)
    return [kv.slice(0, eq), kv.slice(eq + 1)]
  })
  let seed: number | undefined
  if (v.seed !== undefined) {
    try {
      seed = parseNumber('seed', v.seed, { int: true, min: 0 })
    } catch (e) {
      throw new UsageError((e as Error).message)
    }
  }
  const json = v.json === true
  if (command === 'list') {
    if (sets.length > 0 || seed !== undefined) throw new UsageError('list takes only --db and --json')
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`)
    return { command, db: v.db, json }
  }
  const [preset, extra] = positionals
  if (extra !== undefined) throw new UsageError(`unexpected argument '${extra}'`)
  if (!preset) throw new UsageError('run needs a preset name (see `gradient-lab presets`)')
  return { command, preset, sets, seed, db: v.db, json }
}

/** Applies `--set` pairs (in order) and `--seed` to the preset's parameters over the lab's defaults. */
export function resolveRunParams(
  lab: LabDefinition,
  presetParams: Record<string, unknown>,
  sets: [string, string][],
  seed: number | undefined,
): Record<string, unknown> {
  // the one parser of `key=value` settings, shared with the app's lesson links
  const { params, issues } = setKeys(lab.keys, { ...lab.schema.parse({}), ...presetParams }, sets)
  const first = issues[0]
  if (first) {
    const known = lab.keys.map((k) => k.key).join(', ')
    throw new UsageError(findKey(lab.keys, first.key) ? first.message : `unknown key '${first.key}' for this preset (keys: ${known})`)
  }
  if (seed !== undefined) params.seed = seed
  return params
}

function parseTransfer(command: 'export' | 'import', rest: string[]): CliArgs {
  if (command === 'import') {
    const { values: v, positionals } = parse(rest, IMPORT_OPTIONS, ` for ${command}`)
    if (positionals.length !== 1) throw new UsageError('import needs exactly one bundle file')
    if (v['skip-duplicates'] && v['import-again']) throw new UsageError('--skip-duplicates and --import-again exclude each other: choose one')
    const duplicates: ImportDuplicates = v['skip-duplicates'] ? 'skip' : v['import-again'] ? 'keep' : 'ask'
    return { command, file: positionals[0]!, db: v.db, json: v.json === true, duplicates }
  }
  const { values: v, positionals } = parse(rest, EXPORT_OPTIONS, ` for ${command}`)
  if (positionals.length !== 1) throw new UsageError('export needs exactly one experiment id (see `gradient-lab list`)')
  const experimentId = Number(positionals[0])
  if (!Number.isInteger(experimentId) || experimentId <= 0) throw new UsageError(`experiment id: '${positionals[0]}' is not a positive whole number`)
  const format = v.format
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
  if (!v.out) throw new UsageError('--out DIR is required')
  return { command, experimentId, format: format as ExportFormat, out: v.out, db: v.db }
}
