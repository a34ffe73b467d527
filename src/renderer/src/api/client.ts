/**
 * The LabBridge the renderer talks to: the Electron preload's `window.gradientLab` when present,
 * otherwise browser mode's HTTP + SSE client. Created once, on first use.
 */
import { ref, readonly } from 'vue'
import type { LabBridge } from '../lib/contract'
import type { ConnectionState } from './connection'
import { createHttpBridge } from './http'

const state = ref<ConnectionState>('connecting')
let bridge: LabBridge | null = null

export function useApi(): LabBridge {
  if (bridge) return bridge
  if (window.gradientLab) {
    state.value = 'connected'
    bridge = window.gradientLab
  } else {
    const token = new URLSearchParams(window.location.search).get('token') ?? undefined
    bridge = createHttpBridge({ token, onConnection: (s) => (state.value = s) })
  }
  return bridge
}

/** The backend link's state, read-only. */
export const connectionState = readonly(state)
