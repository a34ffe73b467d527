/** One table, printed aligned for the terminal or as Markdown for bench/RESULTS.md. */
export class Table {
  private readonly rows: string[][] = []

  constructor(
    readonly title: string,
    private readonly header: string[],
    private readonly notes: string[] = [],
  ) {}

  add(cells: (string | number | null)[]): void {
    this.rows.push(cells.map((c) => (c === null ? '–' : String(c))))
  }

  note(text: string): void {
    this.notes.push(text)
  }

  text(): string {
    const all = [this.header, ...this.rows]
    const widths = this.header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)))
    const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
    const out = [this.title, line(this.header), widths.map((w) => '-'.repeat(w)).join('  '), ...this.rows.map(line)]
    for (const n of this.notes) out.push(`  ${n}`)
    return out.join('\n')
  }

  markdown(): string {
    const out = [`### ${this.title}`, '', `| ${this.header.join(' | ')} |`, `|${this.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`]
    for (const r of this.rows) out.push(`| ${r.join(' | ')} |`)
    if (this.notes.length) out.push('', ...this.notes.map((n) => `- ${n}`))
    return out.join('\n')
  }
}

export const f1 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x.toFixed(1))
export const f2 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x.toFixed(2))
export const f3 = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x.toFixed(3))
export const ratio = (a: number | null | undefined, b: number | null | undefined) => (a && b ? a / b : null)
