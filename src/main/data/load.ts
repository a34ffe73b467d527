/** Loads the dataset a run spec names, with a small in-process cache (datasets are immutable). */
import { statSync } from 'node:fs'
import { resolve } from 'node:path'
import type { DataSource } from '../../shared/schemas'
import { loadBuiltinMnist } from './builtin'
import { KNOWN_IDX_FOLDERS } from './detect'
import { findIdxFiles, loadIdxFolder } from './idx'
import type { RawDataset } from './types'

/** At most this many datasets stay in memory (Fashion-MNIST is ~55 MB). */
const CACHE_SIZE = 2
const cache = new Map<string, { stamp: string; data: RawDataset }>()

/**
 * Returns the dataset of `source`; `builtinPath` is where resources/mnist-10k.bin lives.
 * Repeated calls return the same object while the files are unchanged (size and mtime), so
 * callers must treat the arrays as read-only. Errors (DatasetError) are not cached.
 */
export function loadDataSource(source: DataSource, builtinPath: string): RawDataset {
  const { key, files, load } =
    source.kind === 'builtin-mnist'
      ? { key: `builtin:${resolve(builtinPath)}`, files: () => [builtinPath], load: () => loadBuiltinMnist(builtinPath) }
      : {
          key: `idx:${resolve(source.dir)}`,
          files: () => Object.values(findIdxFiles(source.dir).found),
          load: () => loadIdxFolder(source.dir, { name: knownName(source.dir) }),
        }
  const stamp = stampOf(files)
  const hit = cache.get(key)
  if (hit && stamp !== null && hit.stamp === stamp) {
    cache.delete(key) // re-insert: most recently used last
    cache.set(key, hit)
    return hit.data
  }
  const data = load()
  cache.delete(key)
  if (stamp !== null) {
    cache.set(key, { stamp, data })
    while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!)
  }
  return data
}

/** Drops every cached dataset (tests; memory pressure). */
export function clearDataCache(): void {
  cache.clear()
}

function stampOf(files: () => string[]): string | null {
  try {
    return files()
      .map((f) => {
        const st = statSync(f)
        return `${f}:${st.size}:${st.mtimeMs}`
      })
      .join('|')
  } catch {
    return null // missing file or folder: let the loader produce the proper error
  }
}

/** 'Fashion-MNIST' for its system folder; otherwise undefined (the loader uses the folder name). */
function knownName(dir: string): string | undefined {
  return KNOWN_IDX_FOLDERS.find((k) => resolve(k.dir) === resolve(dir))?.name
}
