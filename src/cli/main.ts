/**
 * Headless CLI over the same LabService, RunManager and engine as the app:
 *   gradient-lab presets
 *   gradient-lab run <preset> [--set key=value ...] [--seed N] [--db PATH] [--json]
 *   gradient-lab list [--db PATH] [--json]
 * Exit codes: 0 done, 1 a run failed, 2 bad usage or a bad value (nothing written), 130 cancelled.
 */
import { createLabApp } from '../main/app'
import { getLab, getPreset, PRESETS } from '../labs/registry'
import { RequestError, formatZodError } from '../shared/api'
import { DatabaseOpenError } from '../main/store/errors'
import { type CliArgs, UsageError, parseCliArgs, resolveRunParams } from './args'
import { ProgressBar } from './progress'
import { toJsonReport } from './report'
import { checkBundleFile, exportExperiment, importBundleFile } from './transfer'

const out = (s: string) => process.stdout.write(s + '\n')
const err = (s: string) => process.stderr.write(s + '\n')

export const USAGE = `usage:
  gradient-lab presets                       list the presets and their keys
  gradient-lab run <preset> [--set key=value ...] [--seed N] [--db PATH] [--json]
  gradient-lab list [--db PATH] [--json]     list stored experiments
  gradient-lab export <experimentId> --format png|csv|json|bundle --out DIR [--db PATH]
  gradient-lab import FILE [--db PATH] [--json] [--skip-duplicates | --import-again]
                                                 import a bundle (validated; a bad one changes nothing;
                                                 one already imported is refused unless a flag says
                                                 whether to skip its experiments or import them again)`

function printPresets(): void {
  for (const preset of PRESETS) {
    const lab = getLab(preset.labId)
    out(`${preset.name}  —  ${preset.description}`)
    for (const k of lab?.keys ?? []) out(`    ${k.key.padEnd(14)} ${k.help}`)
    out(`    ${'seed'.padEnd(14)} (--seed N) seed of every random draw`)
  }
}

async function run(args: Extract<CliArgs, { command: 'run' }>): Promise<number> {
  const preset = getPreset(args.preset)
  if (!preset) throw new UsageError(`unknown preset '${args.preset}' (known: ${PRESETS.map((p) => p.name).join(', ')})`)
  const lab = getLab(preset.labId)
  if (!lab) throw new UsageError(`preset '${args.preset}': its lab is not built yet`)
  // Everything is validated before the database is opened: a bad value writes nothing.
  const params = resolveRunParams(lab, preset.params, args.sets, args.seed)
  const checked = lab.schema.safeParse(params)
  if (!checked.success) throw new UsageError(formatZodError(checked.error))

  const app = createLabApp({ mode: 'cli', dbPath: args.db })
  const bar = new ProgressBar(process.stderr)
  const off = app.service.onEvent((e) => bar.onEvent(e))
  let cancelled = false
  let experimentId = 0
  const onSigint = () => {
    cancelled = true
    if (experimentId) app.runs.cancelExperiment(experimentId)
  }
  process.on('SIGINT', onSigint)
  try {
    const started = await app.service.call('startLab', { labId: preset.labId, params })
    experimentId = started.experimentId
    if (started.runIds.length > 0) {
      bar.start(started.runIds.length)
      await app.runs.whenIdle()
      bar.end()
    }
    const detail = await app.service.call('getExperiment', { experimentId })
    if (args.json) out(JSON.stringify(toJsonReport(preset.name, detail, (id) => app.store.getInside(id))))
    else {
      out(`experiment ${detail.experiment.id}: ${detail.experiment.name} (seed ${detail.experiment.seed})`)
      for (const r of detail.runs) {
        const f = r.final
        const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(4))
        out(`  ${r.label.padEnd(16)} ${r.status.padEnd(10)} loss ${fmt(f?.loss)}  train ${fmt(f?.trainAcc)}  test ${fmt(f?.testAcc)}${r.error ? `  (${r.error})` : ''}`)
      }
      out(`stored in ${app.store.path}`)
    }
    if (cancelled) return 130
    return detail.runs.some((r) => r.status === 'failed') ? 1 : 0
  } finally {
    off()
    process.off('SIGINT', onSigint)
    app.close()
  }
}

async function list(args: Extract<CliArgs, { command: 'list' }>): Promise<number> {
  const app = createLabApp({ mode: 'cli', dbPath: args.db })
  try {
    const rows = await app.service.call('listExperiments', {})
    if (args.json) out(JSON.stringify(rows))
    else if (rows.length === 0) out(`no experiments in ${app.store.path}`)
    else for (const e of rows) out(`${String(e.id).padStart(5)}  ${e.createdAt.slice(0, 19)}  ${e.labId.padEnd(18)} ${e.status.padEnd(11)} ${e.name}`)
    return 0
  } finally {
    app.close()
  }
}

async function withApp(db: string | undefined, fn: (app: ReturnType<typeof createLabApp>) => Promise<number>): Promise<number> {
  const app = createLabApp({ mode: 'cli', dbPath: db })
  try {
    return await fn(app)
  } finally {
    app.close()
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseCliArgs(argv)
    switch (args.command) {
      case 'help':
        out(USAGE)
        return 0
      case 'presets':
        printPresets()
        return 0
      case 'run':
        return await run(args)
      case 'list':
        return await list(args)
      case 'export':
        return await withApp(args.db, async (app) => {
          out(await exportExperiment(app, args.experimentId, args.format, args.out))
          return 0
        })
      case 'import':
        checkBundleFile(args.file) // before the database is opened: a refused file writes nothing
        return await withApp(args.db, async (app) => {
          const { experimentIds: ids, skipped } = await importBundleFile(app, args.file, args.duplicates)
          const skipNote = skipped > 0 ? `; skipped ${skipped} already stored` : ''
          out(args.json ? JSON.stringify({ experimentIds: ids, skipped }) : `imported ${ids.length} experiment(s): ${ids.join(', ') || 'none'}${skipNote}`)
          return 0
        })
    }
  } catch (e) {
    // Exit 2: a bad value, refused before anything was written (a usage error, a request the
    // service refuses such as a run above the memory budget, or a --db it cannot use).
    const refused = e instanceof RequestError && e.status !== 500 && e.status !== 507
    if (e instanceof UsageError || refused || e instanceof DatabaseOpenError) {
      err(`gradient-lab: ${e.message}`)
      return 2
    }
    err(`gradient-lab: ${(e as Error).message}`)
    return 1
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
