/** CSV export: long format round-trips, RFC 4180 quoting, the wide format. */
import { describe, expect, it } from 'vitest'
import { csvField, experimentCsv, experimentWideCsv, parseCsv } from '../../src/figures/csv'
import { instantDetail, lossSynth, trainedDetail } from './fixtures'

const detail = () => {
  const d = trainedDetail('optimizers-mnist', lossSynth([0.8, 1.5, 2.5, 2], [0.15, 0.003, 0.002, 0.001]), { params: { iterations: 300, evalEvery: 300 } })
  d.runs[0].label = 'Adam, "fast"'
  d.runs[1].label = 'two\nlines'
  return d
}

describe('experimentCsv', () => {
  it('has one CRLF line per point, and parses back to the same points', () => {
    const d = detail()
    const csv = experimentCsv(d)
    expect(csv.startsWith('run_id,label,series,step,value\r\n')).toBe(true)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual(['run_id', 'label', 'series', 'step', 'value'])
    const points = d.runs.flatMap((r) => r.series.flatMap((s) => s.values.map((v, i) => [String(r.id), r.label, s.series, s.steps[i], v] as const)))
    expect(rows.length - 1).toBe(points.length)
    expect(points.length).toBe(4 * (300 + 2 + 2))
    rows.slice(1).forEach((row, i) => {
      const [id, label, series, step, value] = points[i]
      expect(row).toEqual([id, label, series, String(step), row[4]])
      expect(Number(row[4])).toBe(value) // exact double round-trip
    })
  })

  it('quotes labels with a comma, a quote or a line break (RFC 4180)', () => {
    const csv = experimentCsv(detail())
    expect(csv).toContain('\r\n100,"Adam, ""fast""",loss,0,')
    expect(csv).toContain('\r\n101,"two\nlines",loss,0,')
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a"b')).toBe('"a""b"')
    expect(csvField(0.1)).toBe('0.1')
  })

  it('keeps NaN and Infinity of a diverged run readable', () => {
    const d = detail()
    d.runs[2].series = [{ series: 'loss', steps: [0, 1, 2], values: [2.3, Infinity, NaN] }]
    const rows = parseCsv(experimentCsv(d)).filter((r) => r[0] === '102')
    expect(rows.map((r) => Number(r[4]))).toEqual([2.3, Infinity, NaN])
  })

  it('an instant lab has no series: just the header', () => {
    expect(experimentCsv(instantDetail('paths-2d'))).toBe('run_id,label,series,step,value\r\n')
  })
})

describe('experimentWideCsv', () => {
  it('a column per run over the union of steps; missing cells empty; shared labels get the run id', () => {
    const d = detail()
    d.runs[3].label = d.runs[2].label
    Object.assign(d.runs[3].series.find((s) => s.series === 'testAcc')!, { steps: [0, 250, 300], values: [0.1, 0.5, 0.9] })
    const rows = parseCsv(experimentWideCsv(d, 'testAcc'))
    expect(rows[0]).toEqual(['step', 'Adam, "fast"', 'two\nlines', 'adagrad #102', 'adagrad #103'])
    expect(rows.map((r) => r[0])).toEqual(['step', '0', '250', '300'])
    expect(rows[2][1]).toBe('')
    expect(rows[2][4]).toBe('0.5')
    expect(() => experimentWideCsv(d, 'nope' as 'loss')).toThrow(/unknown series/)
  })
})

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, LF or CRLF, and rejects an open quote', () => {
    expect(parseCsv('a,"b,c","d""e"\nf,,g\r\n')).toEqual([['a', 'b,c', 'd"e'], ['f', '', 'g']])
    expect(() => parseCsv('a,"b')).toThrow(/quoted/)
  })
})
