/**
 * Preloaded (--require) into the main process under test: `require('electron')` resolves to the
 * stand-in (./electron.cjs) instead of the npm package (which only holds the binary's path);
 * `process.versions.electron` is set as in Electron's main process
 * (https://www.electronjs.org/docs/latest/api/process#processversionselectron-readonly), so the
 * app takes its Electron paths (the better-sqlite3 binding among them); files opened are logged.
 */
'use strict'
const Module = require('node:module')
const { join } = require('node:path')
require('./open-log.cjs')

const standIn = join(__dirname, 'electron.cjs')
const resolve = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron') return standIn
  return resolve.call(this, request, ...rest)
}
Object.defineProperty(process.versions, 'electron', { value: process.env.GRADIENT_LAB_STANDIN_ELECTRON ?? '45.5.0', enumerable: true })
process.type = 'browser'
