// Vitest global setup of the `docs` project: builds the static Storybook (or takes the one in STORYBOOK_STATIC_DIR)
// and serves it as plain files on 127.0.0.1, as a static host would. Tests read where from `inject('storybookStatic')`.
import { spawnSync } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    storybookStatic: {
      /** The build's directory. */
      dir: string
      /** Where it is served, without a trailing slash: `http://127.0.0.1:<port>`. */
      url: string
    }
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = process.env.STORYBOOK_STATIC_DIR ? resolve(process.env.STORYBOOK_STATIC_DIR) : buildStorybook()
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname))
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path)
    try {
      const body = await readFile(file)
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      response.end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  project.provide('storybookStatic', { dir, url: `http://127.0.0.1:${port}` })
  return () => new Promise<void>((done) => server.close(() => done()))
}

/** `storybook build` of the working tree into .test-results/storybook-static. */
function buildStorybook(): string {
  const dir = resolve('.test-results/storybook-static')
  const started = Date.now()
  // Vitest sets NODE_ENV=test, which `storybook build` would keep: React's development build, several times slower.
  const build = spawnSync('npx', ['storybook', 'build', '--quiet', '-o', dir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NODE_ENV: 'production' },
  })
  if (build.status !== 0) throw new Error(`storybook build failed (exit ${build.status ?? build.signal})`)
  console.log(`static Storybook built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${dir}`)
  return dir
}
