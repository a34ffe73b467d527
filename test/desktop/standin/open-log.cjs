/**
 * When GRADIENT_LAB_OPEN_LOG names a file, appends to it (one absolute path a line) every file
 * this process opens through Node's fs or loads as a native addon: the packaging test checks
 * each one is shipped by electron-builder.yml. Node's module loader reads through fs.readFileSync,
 * so required modules are logged too.
 */
'use strict'
const fs = require('node:fs')
const { resolve } = require('node:path')

const log = process.env.GRADIENT_LAB_OPEN_LOG
if (log) {
  const append = fs.appendFileSync
  let busy = false
  const note = (p) => {
    if (busy || (typeof p !== 'string' && !(p instanceof URL))) return
    busy = true
    try {
      append(log, `${resolve(p instanceof URL ? p.pathname : p)}\n`)
    } finally {
      busy = false
    }
  }
  const wrap = (obj, name) => {
    const orig = obj[name]
    obj[name] = function (p, ...rest) {
      note(p)
      return orig.call(this, p, ...rest)
    }
  }
  for (const name of ['openSync', 'open', 'readFileSync', 'readFile', 'createReadStream']) wrap(fs, name)
  for (const name of ['open', 'readFile']) wrap(fs.promises, name)
  const dlopen = process.dlopen
  process.dlopen = function (module, filename, ...rest) {
    note(filename)
    return dlopen.call(this, module, filename, ...rest)
  }
}
