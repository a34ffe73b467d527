/** A progress bar on stderr for all runs of one experiment (one line, redrawn on a TTY). */
import type { LabEvent } from '../shared/events'

export class ProgressBar {
  private readonly progress = new Map<number, { done: number; total: number }>()
  private runs = 0
  private ended = 0
  private lastPrinted = -1
  private lastDraw = 0

  constructor(private readonly stream: NodeJS.WriteStream) {}

  start(runs: number): void {
    this.runs = runs
    this.draw(true)
  }

  onEvent(e: LabEvent): void {
    if (e.type === 'run.progress') this.progress.set(e.runId, { done: e.done, total: e.total })
    else if (e.type === 'run.finished' || e.type === 'run.failed' || e.type === 'run.cancelled') {
      this.ended++
      const p = this.progress.get(e.runId)
      if (p) p.done = p.total
      if (e.type === 'run.failed') this.stream.write(`\nrun ${e.runId} failed: ${e.error}\n`)
    } else return
    this.draw(false)
  }

  end(): void {
    this.draw(true)
    if (this.stream.isTTY) this.stream.write('\n')
  }

  private fraction(): number {
    if (this.runs === 0) return 1
    let sum = 0
    for (const p of this.progress.values()) sum += p.total > 0 ? p.done / p.total : 0
    return Math.min(1, sum / this.runs)
  }

  private draw(force: boolean): void {
    const f = this.fraction()
    const pct = Math.floor(f * 100)
    const label = `${String(pct).padStart(3)}% runs ${this.ended}/${this.runs}`
    if (this.stream.isTTY) {
      const now = Date.now()
      if (!force && now - this.lastDraw < 100) return
      this.lastDraw = now
      const width = 30
      const filled = Math.round(f * width)
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label}`)
    } else if (force || Math.floor(pct / 10) !== Math.floor(this.lastPrinted / 10)) {
      this.lastPrinted = pct
      this.stream.write(`[progress] ${label}\n`)
    }
  }
}
