import type { LabBridge } from '../shared/api'

declare global {
  interface Window {
    /** Present in the Electron app (set by the preload); absent in browser mode. */
    gradientLab?: LabBridge
  }
}
export {}
