/**
 * A 5×7 bitmap font for printable ASCII (the classic public-domain LCD font), five column bytes
 * per glyph, bit 0 = top row (g, j, p, q, y descend into an eighth row). A few symbols the lab labels use (λ, ², √) have glyphs of their
 * own; common typographic characters are spelled in ASCII; anything else is a small box.
 */
const ASCII_HEX =
  '0000000000' + '00005f0000' + '0007000700' + '147f147f14' + '242a7f2a12' + '2313086462' + '3649562050' + '0000070000' +
  '001c224100' + '0041221c00' + '14083e0814' + '08083e0808' + '0050300000' + '0808080808' + '0060600000' + '2010080402' +
  '3e5149453e' + '00427f4000' + '4261514946' + '2141454b31' + '1814127f10' + '2745454539' + '3c4a494930' + '0171090503' +
  '3649494936' + '064949291e' + '0036360000' + '0056360000' + '0814224100' + '1414141414' + '0041221408' + '0201510906' +
  '324979413e' + '7e1111117e' + '7f49494936' + '3e41414122' + '7f4141221c' + '7f49494941' + '7f09090901' + '3e4149497a' +
  '7f0808087f' + '00417f4100' + '2040413f01' + '7f08142241' + '7f40404040' + '7f020c027f' + '7f0408107f' + '3e4141413e' +
  '7f09090906' + '3e4151215e' + '7f09192946' + '4649494931' + '01017f0101' + '3f4040403f' + '1f2040201f' + '3f4038403f' +
  '6314081463' + '0708700807' + '6151494543' + '007f414100' + '0204081020' + '0041417f00' + '0402010204' + '4040404040' +
  '0001020400' + '2054545478' + '7f48444438' + '3844444420' + '384444487f' + '3854545418' + '087e090102' + '0c5252523e' +
  '7f08040478' + '00447d4000' + '2040443d00' + '7f10284400' + '00417f4000' + '7c04180478' + '7c08040478' + '3844444438' +
  '7c14141408' + '081414187c' + '7c08040408' + '4854545420' + '043f444020' + '3c4040207c' + '1c2040201c' + '3c4030403c' +
  '4428102844' + '0c5050503c' + '4464544c44' + '0008364100' + '00007f0000' + '0041360800' + '0804081008'

/** Lower-case letters with descenders reach an eighth row (bit 7). */
const DESCENDERS: Record<string, number[]> = {
  g: [0x18, 0xa4, 0xa4, 0xa4, 0x7c],
  j: [0x40, 0x80, 0x84, 0x7d, 0x00],
  p: [0xfc, 0x24, 0x24, 0x24, 0x18],
  q: [0x18, 0x24, 0x24, 0x24, 0xfc],
  y: [0x1c, 0xa0, 0xa0, 0xa0, 0x7c],
}
const EXTRA: Record<string, number[]> = {
  '·': [0x00, 0x18, 0x18, 0x00, 0x00],
  'λ': [0x60, 0x19, 0x06, 0x18, 0x60],
  '²': [0x00, 0x09, 0x0d, 0x0a, 0x00],
  '√': [0x10, 0x20, 0x7f, 0x01, 0x01],
}
const BOX = [0x7f, 0x41, 0x41, 0x41, 0x7f]
const SPELLED: Record<string, string> = {
  '−': '-', '–': '-', '—': '-', '×': 'x', '…': '...', '→': '->', '←': '<-', '≥': '>=', '≤': '<=',
  '‘': "'", '’': "'", '“': '"', '”': '"', '\u00a0': ' ', '≈': '~', '±': '+/-',
}

/** Glyphs (5 column bytes each) for a string, one per drawn character. */
export function glyphs(text: string): number[][] {
  const out: number[][] = []
  for (const ch of text) {
    const spelled = SPELLED[ch]
    if (spelled !== undefined) {
      for (const c of spelled) out.push(asciiGlyph(c.charCodeAt(0)))
      continue
    }
    const code = ch.codePointAt(0)!
    if (code >= 32 && code <= 126) out.push(asciiGlyph(code))
    else out.push(EXTRA[ch] ?? (code < 32 ? asciiGlyph(32) : BOX))
  }
  return out
}

function asciiGlyph(code: number): number[] {
  const d = DESCENDERS[String.fromCharCode(code)]
  if (d) return d
  const at = (code - 32) * 10
  return [0, 1, 2, 3, 4].map((i) => parseInt(ASCII_HEX.slice(at + 2 * i, at + 2 * i + 2), 16))
}

/** Glyph cell: 5 columns + 1 column of spacing, 7 rows above the baseline and 1 for descenders. */
export const GLYPH_W = 5
export const GLYPH_H = 8
export const ADVANCE = 6
