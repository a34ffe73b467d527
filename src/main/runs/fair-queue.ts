/**
 * The RunManager's queue: runs are taken in turn per group (an experiment, or a client in
 * `--lan` mode), first in first out within a group. The group whose turn it is is the one served
 * least recently (a group never served before comes first, in the order groups arrived), and a
 * served group goes to the back. A 100-trial search queued first then gives a 4-run lab started
 * after it the very next free trainer and every other one after that, instead of making it wait
 * for all 100 trials.
 */
export class FairQueue {
  /** Queued run ids per group, oldest first. */
  private readonly groups = new Map<string, number[]>()
  /** Groups with queued runs in the order they get their next turn. */
  private turns: string[] = []
  private readonly groupOf = new Map<number, string>()
  /** When each group was last served (a counter); groups never served are absent. */
  private readonly served = new Map<string, number>()
  private clock = 0

  get size(): number {
    return this.groupOf.size
  }

  has(runId: number): boolean {
    return this.groupOf.has(runId)
  }

  push(runId: number, group: string): void {
    if (this.groupOf.has(runId)) return
    this.groupOf.set(runId, group)
    const list = this.groups.get(group)
    if (list) list.push(runId)
    else {
      this.groups.set(group, [runId])
      // keep `turns` ordered by last service: never served (in arrival order) first
      const key = this.served.get(group) ?? -1
      const at = this.turns.findIndex((g) => (this.served.get(g) ?? -1) > key)
      if (at < 0) this.turns.push(group)
      else this.turns.splice(at, 0, group)
    }
  }

  /** Removes a queued run (cancel); false when it was not queued. */
  remove(runId: number): boolean {
    const group = this.groupOf.get(runId)
    if (group === undefined) return false
    this.groupOf.delete(runId)
    const list = this.groups.get(group)!
    list.splice(list.indexOf(runId), 1)
    if (list.length === 0) {
      this.groups.delete(group)
      this.turns = this.turns.filter((g) => g !== group)
    }
    return true
  }

  /** The next run to start: the oldest of the group whose turn it is; that group goes to the back. */
  shift(): number | undefined {
    const group = this.turns.shift()
    if (group === undefined) return undefined
    const list = this.groups.get(group)!
    const id = list.shift()!
    this.groupOf.delete(id)
    this.served.set(group, this.clock++)
    if (list.length > 0) this.turns.push(group)
    else this.groups.delete(group)
    return id
  }

  /** Every queued run in the order shift() would return them. */
  order(): number[] {
    const lists = this.turns.map((g) => this.groups.get(g)!)
    const out: number[] = []
    for (let round = 0; out.length < this.groupOf.size; round++) {
      for (const list of lists) if (round < list.length) out.push(list[round])
    }
    return out
  }
}
