// @vitest-environment node
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const peers = ['react', 'react-dom', 'react-redux', '@reduxjs/toolkit', 'axios', 'msw', 'valibot'].flatMap((p) => [p, `${p}/*`])

/** Bundles `code` (importing the package's source entry) the way an app's bundler would, and lists what it kept. */
async function bundle(code: string) {
  const result = await build({
    stdin: { contents: code, resolveDir: root, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    external: peers,
    logLevel: 'silent',
  })
  // Inputs that left code in the output (esbuild lists every parsed file, shaken away or not).
  const output = Object.values(result.metafile.outputs)[0]
  const inputs = Object.entries(output?.inputs ?? {})
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([path]) => path)
  return { inputs, code: result.outputFiles[0]?.text ?? '' }
}

describe('tree-shaking', () => {
  it('pulls no component, hook or message code into an app that imports only createInterviewApi', async () => {
    const { inputs, code } = await bundle("export { createInterviewApi } from './src/index.ts'")
    expect(inputs.some((path) => path.startsWith('src/api/'))).toBe(true)
    expect(inputs.filter((path) => /^src\/(components|hooks|i18n|mocks)\//.test(path))).toEqual([])
    expect(code).not.toContain('Pause interview')
  })

  it('keeps the mock server, the testing entry, the full schema and the Korean and Japanese messages out of the main entry', async () => {
    const { inputs, code } = await bundle("export * from './src/index.ts'")
    expect(inputs.filter((path) => /^src\/(mocks|testing|schema|locales)\//.test(path))).toEqual([])
    expect(inputs.some((path) => path.startsWith('src/components/'))).toBe(true)
    expect(code).not.toContain('valibot')
    expect(code).not.toContain('인터뷰')
  })

  it('leaves the full schema to an app that opts in to it', async () => {
    const { inputs } = await bundle("export { sessionSchema } from './src/schema/index.ts'")
    expect(inputs.filter((path) => /^src\/(api|hooks|components)\//.test(path))).toEqual([])
  })

  it('builds the Korean and Japanese entries with their messages only', async () => {
    for (const locale of ['ko', 'ja']) {
      const { inputs } = await bundle(`export * from './src/locales/${locale}.ts'`)
      expect(inputs).toEqual([`src/locales/${locale}.ts`])
    }
  })
})
