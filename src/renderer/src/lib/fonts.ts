/**
 * The shipped fonts (resources/fonts/PretendardVariable.woff2 and the math symbols, declared in styles/font.css and
 * preloaded by index.html) is fetched only when text first asks for it, and `document.fonts.ready`
 * does not wait for a face nobody has asked for yet: this asks for it (Hangul and Latin) and then
 * waits, once for the whole app, so a canvas never measures its labels in a fallback font.
 */
import { FONT_FAMILY_NAME, SYMBOL_FONT_FAMILY_NAME } from '@figures/canvas'

let ready: Promise<void> | null = null

export function whenFontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return Promise.resolve()
  ready ??= Promise.all([document.fonts.load(`16px ${FONT_FAMILY_NAME}`, '가A'), document.fonts.load(`16px '${SYMBOL_FONT_FAMILY_NAME}'`, '∇')])
    .then(() => document.fonts.ready)
    .then(
      () => undefined,
      () => undefined, // a missing font file leaves the system fonts: draw with them rather than never
    )
  return ready
}
