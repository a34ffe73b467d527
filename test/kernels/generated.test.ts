/** The committed WebAssembly module is what scripts/build-wasm.mjs compiles from assembly/*.as today. */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RELAXED_WASM_BASE64, SIMD_WASM_BASE64 } from '../../src/engine/kernels/wasm/module.generated'

const root = join(__dirname, '..', '..')

describe('generated WebAssembly module', () => {
  it('matches a fresh compile of src/engine/kernels/wasm/assembly/*.as (run npm run build:wasm if not)', () => {
    const res = spawnSync(process.execPath, [join(root, 'scripts/build-wasm.mjs'), '--check'], { cwd: root, encoding: 'utf8' })
    expect(res.stderr + res.stdout).toContain('wasm module is current')
    expect(res.status).toBe(0)
    // Compiling AssemblyScript twice takes 30-60 s alone and timed out at 60 s on a loaded 2-core machine.
  }, 240_000)

  it('embeds two valid modules (plain SIMD, relaxed SIMD)', () => {
    for (const b64 of [SIMD_WASM_BASE64, RELAXED_WASM_BASE64]) {
      const bytes = Buffer.from(b64, 'base64')
      expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]))
    }
    const wasm = (globalThis as unknown as { WebAssembly: { validate(b: Uint8Array): boolean } }).WebAssembly
    expect(wasm.validate(Buffer.from(SIMD_WASM_BASE64, 'base64'))).toBe(true)
  })
})
