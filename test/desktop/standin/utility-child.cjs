/**
 * Preloaded (--require) into every child the stand-in's utilityProcess.fork starts: gives it
 * Electron's `process.parentPort` (https://www.electronjs.org/docs/latest/api/parent-port), an
 * EventEmitter whose 'message' event carries `{ data, ports }` and whose `postMessage(message)`
 * reaches the parent; messages that arrive before a 'message' handler is registered are queued
 * until one is (as documented). Node's own `process.send` is removed, as a utility process has
 * none, so code that works here cannot lean on it.
 */
'use strict'
const { EventEmitter } = require('node:events')
require('./open-log.cjs')

const send = process.send.bind(process)
const parentPort = new EventEmitter()
const queued = []
parentPort.postMessage = (message) => send(message)
parentPort.on('newListener', (event) => {
  if (event === 'message' && queued.length) setImmediate(() => queued.splice(0).forEach((data) => parentPort.emit('message', { data, ports: [] })))
})
process.on('message', (data) => {
  if (parentPort.listenerCount('message') === 0) queued.push(data)
  else parentPort.emit('message', { data, ports: [] })
})
delete process.send
process.parentPort = parentPort
process.type = 'utility'
