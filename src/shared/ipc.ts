/**
 * The IPC names, as plain data with no imports: the sandboxed preload may `require` only
 * `electron`, `events`, `timers` and `url` (https://www.electronjs.org/docs/latest/tutorial/sandbox),
 * so it cannot load zod. `api.ts` checks at compile time that CHANNEL_NAMES are exactly the keys
 * of its channel map; validation stays in the main process.
 */
export const CHANNEL_NAMES = [
  'listLabs',
  'startLab',
  'cancelExperiment',
  'cancelRun',
  'listExperiments',
  'getExperiment',
  'getRuns',
  'getRunInside',
  'renameExperiment',
  'setExperimentTags',
  'deleteExperiment',
  'rerunExperiment',
  'resumeExperiment',
  'exportBundle',
  'importBundle',
  'saveSpec',
  'listSpecs',
  'deleteSpec',
  'activeRuns',
  'appInfo',
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]

/** The one invoke channel: `ipcRenderer.invoke(IPC_CALL, channel, payload)`. */
export const IPC_CALL = 'lab:call'
/** Main → renderer run events: `webContents.send(IPC_EVENT, event)`. */
export const IPC_EVENT = 'lab:event'

/** The IPC reply envelope: errors travel as data so their message reaches the renderer intact. */
export type IpcReply = { ok: true; value: unknown } | { ok: false; error: string }
