export type { RawDataset, RawSplit } from './types'
export { DatasetError } from './errors'
export { BUILTIN_FILE, BUILTIN_NAME, checkBuiltinFile, defaultBuiltinPath, loadBuiltinMnist } from './builtin'
export {
  IDX_FILES,
  IDX_IMAGES_MAGIC,
  IDX_LABELS_MAGIC,
  findIdxFiles,
  idxNameVariants,
  loadIdxFolder,
  parseIdxImages,
  parseIdxLabels,
  readMaybeGzip,
} from './idx'
export type { IdxImages, IdxLoadOptions, IdxRole } from './idx'
export { KNOWN_IDX_FOLDERS, findDatasets } from './detect'
export type { DatasetInfo, FindDatasetsOptions, KnownIdxFolder } from './detect'
export { clearDataCache, loadDataSource } from './load'
