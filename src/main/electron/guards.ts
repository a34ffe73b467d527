/**
 * Who may do what: the IPC sender check, the external-link allow-list and the permission
 * policy. Plain functions over the few fields Electron hands us, so they are tested under Node.
 */
import { isAppUrl } from './scheme'

/**
 * The links the app itself shows and may open in the user's browser
 * (https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content).
 * The renderer shows no external link today, so the list is empty and nothing is ever opened;
 * add a page's link here, exactly, when one is added.
 */
export const EXTERNAL_LINKS: readonly string[] = []

export function externalAllowed(url: string, allowList: readonly string[] = EXTERNAL_LINKS): boolean {
  return allowList.includes(url)
}

/** What an IpcMainInvokeEvent tells us (https://www.electronjs.org/docs/latest/api/structures/ipc-main-invoke-event). */
export interface SenderInfo {
  sender: { id: number }
  senderFrame: { url: string } | null
}

/** Only our own window, showing a page of our own origin in the frame that sent the message. */
export function senderAllowed(event: SenderInfo, windowContentsId: number | undefined): boolean {
  return windowContentsId !== undefined && event.sender.id === windowContentsId && isAppUrl(event.senderFrame?.url)
}

/**
 * Permissions the lab needs: none (no camera, microphone, notifications, geolocation, MIDI,
 * clipboard reads...). Every request and check is denied
 * (https://www.electronjs.org/docs/latest/api/session#sessetpermissionrequesthandlerhandler).
 */
export const ALLOWED_PERMISSIONS: readonly string[] = []

export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return isAppUrl(requestingUrl) && ALLOWED_PERMISSIONS.includes(permission)
}
