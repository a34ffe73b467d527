/** Datasets the app can offer: the built-in MNIST and known system folders of IDX files. */
import { existsSync } from 'node:fs'
import { checkBuiltinFile, defaultBuiltinPath } from './builtin'
import { DatasetError } from './errors'
import { findIdxFiles, missingFilesMessage } from './idx'

export interface DatasetInfo {
  /** Stable id: 'builtin-mnist' or the known dataset's id ('fashion-mnist'). */
  id: string
  name: string
  kind: 'builtin-mnist' | 'idx'
  /** Folder of the IDX files (kind 'idx'). */
  dir?: string
  available: boolean
  /** Why it is not available, with what to do about it. */
  reason?: string
  /** The same as a code, for the app to word in the user's language. */
  problem?: 'notFound' | 'incomplete' | 'unreadable'
  /** The install command of a known folder. */
  install?: string
}

/** IDX datasets installed by system packages, by where they land. */
export interface KnownIdxFolder {
  id: string
  name: string
  dir: string
  /** How to get it, shown when the folder is absent. */
  install: string
  /** The command alone (the app words the sentence around it). */
  installCommand: string
}

export const KNOWN_IDX_FOLDERS: readonly KnownIdxFolder[] = [
  {
    id: 'fashion-mnist',
    name: 'Fashion-MNIST',
    dir: '/usr/share/datasets/fashion-mnist',
    install: 'on Debian/Ubuntu: sudo apt-get install dataset-fashion-mnist',
    installCommand: 'sudo apt-get install dataset-fashion-mnist',
  },
]

export interface FindDatasetsOptions {
  builtinPath?: string
  knownFolders?: readonly KnownIdxFolder[]
}

/**
 * Lists the built-in MNIST and every known IDX folder. Known folders are listed even when
 * absent (available: false, reason says how to install), so the UI can show the hint.
 * Only headers and file names are checked here: nothing is decompressed.
 */
export function findDatasets(opts: FindDatasetsOptions = {}): DatasetInfo[] {
  const builtinPath = opts.builtinPath ?? defaultBuiltinPath()
  const builtinProblem = checkBuiltinFile(builtinPath)
  const out: DatasetInfo[] = [
    {
      id: 'builtin-mnist',
      name: 'MNIST 10k (built-in: 8,000 train / 2,000 test)',
      kind: 'builtin-mnist',
      available: builtinProblem === null,
      ...(builtinProblem === null ? {} : { reason: builtinProblem }),
    },
  ]
  for (const known of opts.knownFolders ?? KNOWN_IDX_FOLDERS) {
    out.push({ id: known.id, name: known.name, kind: 'idx', dir: known.dir, ...idxAvailability(known) })
  }
  return out
}

function idxAvailability(known: KnownIdxFolder): Pick<DatasetInfo, 'available' | 'reason' | 'problem' | 'install'> {
  const install = known.installCommand
  if (!existsSync(known.dir)) return { available: false, reason: `${known.dir} not found (${known.install})`, problem: 'notFound', install }
  try {
    const { missing } = findIdxFiles(known.dir)
    return missing.length === 0 ? { available: true } : { available: false, reason: `${known.dir}: ${missingFilesMessage(missing)}`, problem: 'incomplete', install }
  } catch (err) {
    return { available: false, reason: err instanceof DatasetError ? err.message : String(err), problem: 'unreadable', install }
  }
}
