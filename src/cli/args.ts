/** Parses the CLI's arguments; every mistake is a UsageError (exit code 2) naming what is wrong. */
import { ParamError, findKey, parseNumber } from '../labs/keys'
import type { LabDefinition } from '../labs/types'

export class UsageError extends Error {}

export type CliArgs =
  | { command: 'help' }
  | { command: 'presets' }
  | { command: 'run'; preset: string; sets: [string, string][]; seed?: number; db?: string; json: boolean }
  | { command: 'list'; db?: string; json: boolean }
  | { command: 'export'; experimentId: number; format: ExportFormat; out: string; db?: string }
  | { command: 'import'; file: string; db?: string; json: boolean }

export const EXPORT_FORMATS = ['png', 'csv', 'json', 'bundle'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export function parseCliArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help' || command === '-h') return { command: 'help' }
  if (command === 'presets') return { command: 'presets' }
  if (command === 'export' || command === 'import') return parseTransfer(command, rest)
  if (command !== 'run' && command !== 'list') throw new UsageError(`unknown command '${command}' (commands: presets, run, list, export, import)`)
  const sets: [string, string][] = []
  let preset: string | undefined
  let seed: number | undefined
  let db: string | undefined
  let json = false
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!
    const value = () => {
      const v = rest[++i]
      if (v === undefined) throw new UsageError(`${a} needs a value`)
      return v
    }
    if (a === '--json') json = true
    else if (a === '--db') db = value()
    else if (a === '--seed') {
      try {
        seed = parseNumber('seed', value(), { int: true, min: 0 })
      } catch (e) {
        throw new UsageError((e as Error).message)
      }
    } else if (a === '--set') {
      const kv = value()
      const eq = kv.indexOf('=')
      if (eq <= 0) throw new UsageError(`--set expects key=value (got '${kv}')`)
      sets.push([kv.slice(0, eq), kv.slice(eq + 1)])
    } else if (a.startsWith('--')) throw new UsageError(`unknown option '${a}'`)
    else if (command === 'run' && preset === undefined) preset = a
    else throw new UsageError(`unexpected argument '${a}'`)
  }
  if (command === 'list') {
    if (sets.length > 0 || seed !== undefined) throw new UsageError('list takes only --db and --json')
    return { command, db, json }
  }
  if (!preset) throw new UsageError('run needs a preset name (see `gradient-lab presets`)')
  return { command, preset, sets, seed, db, json }
}

/** Applies `--set` pairs (in order) and `--seed` to the preset's parameters over the lab's defaults. */
export function resolveRunParams(
  lab: LabDefinition,
  presetParams: Record<string, unknown>,
  sets: [string, string][],
  seed: number | undefined,
): Record<string, unknown> {
  const params: Record<string, unknown> = structuredClone({ ...lab.schema.parse({}), ...presetParams })
  for (const [key, value] of sets) {
    const setter = findKey(lab.keys, key)
    if (!setter) {
      const known = lab.keys.map((k) => k.key).join(', ')
      throw new UsageError(`unknown key '${key}' for this preset (keys: ${known})`)
    }
    try {
      setter.set(params, value, key)
    } catch (e) {
      if (e instanceof ParamError) throw new UsageError(e.message)
      throw e
    }
  }
  if (seed !== undefined) params.seed = seed
  return params
}

function parseTransfer(command: 'export' | 'import', rest: string[]): CliArgs {
  const positional: string[] = []
  let db: string | undefined
  let out: string | undefined
  let format: string | undefined
  let json = false
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!
    const value = () => {
      const v = rest[++i]
      if (v === undefined) throw new UsageError(`${a} needs a value`)
      return v
    }
    if (a === '--db') db = value()
    else if (a === '--out' && command === 'export') out = value()
    else if (a === '--format' && command === 'export') format = value()
    else if (a === '--json' && command === 'import') json = true
    else if (a.startsWith('--')) throw new UsageError(`unknown option '${a}' for ${command}`)
    else positional.push(a)
  }
  if (command === 'import') {
    if (positional.length !== 1) throw new UsageError('import needs exactly one bundle file')
    return { command, file: positional[0]!, db, json }
  }
  if (positional.length !== 1) throw new UsageError('export needs exactly one experiment id (see `gradient-lab list`)')
  const experimentId = Number(positional[0])
  if (!Number.isInteger(experimentId) || experimentId <= 0) throw new UsageError(`experiment id: '${positional[0]}' is not a positive whole number`)
  if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`)
  if (!out) throw new UsageError('--out DIR is required')
  return { command, experimentId, format: format as ExportFormat, out, db }
}
