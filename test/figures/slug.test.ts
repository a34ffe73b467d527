/** The one slug of exported file names (the app's downloads and the CLI's export). */
import { describe, expect, it } from 'vitest'
import { slug } from '../../src/figures/slug'

describe('slug', () => {
  it('keeps the words of a name, lower-cased and joined by dashes', () => {
    expect(slug('Optimizers on MNIST: sgd, adam')).toBe('optimizers-on-mnist-sgd-adam')
    expect(slug('  Lab 6 -- λ = 0.1  ')).toBe('lab-6-λ-0-1')
  })

  it('keeps Hangul as composed syllables, also from a decomposed (NFD) name', () => {
    expect(slug('옵티마이저 비교: SGD, Adam')).toBe('옵티마이저-비교-sgd-adam')
    expect(slug('가중치 초기값'.normalize('NFD'))).toBe('가중치-초기값')
    expect(slug('ハンカク ガ')).toBe('ハンカク-ガ')
    expect(slug('हिन्दी')).toBe('हिन्दी') // vowel signs are marks: kept outside Latin
  })

  it('drops Latin accents and flattens full-width and circled forms', () => {
    expect(slug('Café résumé')).toBe('cafe-resume')
    expect(slug('Ｆｕｌｌｗｉｄｔｈ ①')).toBe('fullwidth-1')
  })

  it('is a safe file name on Windows: no reserved characters, no dot or space at the ends, no device name', () => {
    const s = slug('a<b>c:d"e/f\\g|h?i*j\u0007k. ')
    expect(s).toBe('a-b-c-d-e-f-g-h-i-j-k')
    expect(s).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|^[. -]|[. -]$/)
    for (const name of ['CON', 'nul', 'Com1', 'LPT9']) expect(slug(name)).toBe(`${name.toLowerCase()}-`)
    expect(slug('console')).toBe('console')
  })

  it('is at most 60 characters without splitting a code point, with a fallback for names with no word', () => {
    expect(slug('a'.repeat(80))).toHaveLength(60)
    const astral = slug('𠀀'.repeat(70))
    expect(Array.from(astral)).toHaveLength(60)
    expect(astral).toBe('𠀀'.repeat(60))
    expect(slug(`${'b'.repeat(59)} c`)).toBe('b'.repeat(59)) // no dash left at the cut
    expect(slug(' .. !? ')).toBe('experiment')
    expect(slug('', 'run')).toBe('run')
  })
})
