/** Live events as Server-Sent Events, at most `max` streams open at once. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { RequestError } from '../../shared/api'
import type { LabService } from '../service/LabService'

export class EventStreams {
  private open = 0
  constructor(
    private readonly service: LabService,
    private readonly max: number,
  ) {}

  get count(): number {
    return this.open
  }

  serve(req: IncomingMessage, res: ServerResponse): void {
    if (this.open >= this.max) throw new RequestError(`too many event streams open (${this.max}); close other tabs of the lab`, 503)
    this.open++
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
    res.write(': connected\n\n')
    const off = this.service.onEvent((e) => res.write(`data: ${JSON.stringify(e)}\n\n`))
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000)
    let closed = false
    const close = () => {
      if (closed) return
      closed = true
      this.open--
      off()
      clearInterval(ping)
    }
    req.on('close', close)
    res.on('close', close)
    res.on('error', close)
  }
}
