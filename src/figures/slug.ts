/**
 * The one slug for exported file names, used by the app's downloads and the CLI's export: letters
 * and digits of any script are kept (Korean names stay Korean, in composed syllables), Latin
 * accents are dropped (é → e), full-width and circled forms become plain (Ａ① → a1), everything
 * else becomes a dash. Safe as a file name on Windows, macOS and Linux: none of < > : " / \ | ? *
 * or control characters, no leading or trailing dot or space, not a reserved device name (CON,
 * NUL, COM1…), at most 60 characters (whole code points).
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/

/** "Optimizers on MNIST: sgd, adam" → "optimizers-on-mnist-sgd-adam"; "옵티마이저 비교" → "옵티마이저-비교". */
export function slug(text: string, fallback = 'experiment'): string {
  const words = text
    .normalize('NFKC')
    .replace(/\p{Script=Latin}\p{M}*/gu, (c) => c.normalize('NFD').replace(/\p{M}+/gu, ''))
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
  const cut = Array.from(words.replace(/^-+/, '')).slice(0, 60).join('').replace(/-+$/, '')
  if (cut === '') return fallback
  return WINDOWS_RESERVED.test(cut) ? `${cut}-` : cut
}
