// `npm run screenshot`: builds Storybook, serves the build, lets the playground story run its play function in
// headless Chromium and writes stories/playground.png (the README's picture).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'

const root = fileURLToPath(new URL('..', import.meta.url))
const staticDir = join(root, 'storybook-static')
const output = join(root, 'stories', 'playground.png')
const storyId = 'examples-interview-screen--playground'
// The same Chromium flags as the browser tests.
const chromiumArgs = JSON.parse(readFileSync(join(root, 'test', 'browser', 'chromiumArgs.json'), 'utf8'))
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

const build = spawnSync('npx', ['storybook', 'build', '--quiet', '-o', staticDir], { cwd: root, stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

// A plain static server on localhost (a secure context, so the MSW service worker may register).
const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname))
  const file = join(staticDir, path.endsWith('/') ? `${path}index.html` : path)
  try {
    const body = await readFile(file)
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    response.end(body)
  } catch {
    response.writeHead(404).end()
  }
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
const { port } = server.address()

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: chromiumArgs,
})
try {
  // A fresh context and page per URL: the service worker unregisters when its last controlled page closes.
  const context = await browser.newContext({ viewport: { width: 960, height: 600 } })
  const page = await context.newPage()
  await page.goto(`http://localhost:${port}/iframe.html?id=${storyId}&viewMode=story`)
  // The play function ends with the session resumed after an answer: the story has rendered its data by then.
  await page.getByRole('heading', { level: 1, name: 'System design: URL shortener' }).waitFor({ timeout: 30_000 })
  await page.getByText('Interview resumed').waitFor({ timeout: 30_000 })
  await page.screenshot({ path: output, fullPage: true })
  console.log(`wrote ${output}`)
} finally {
  await browser.close()
  server.close()
}
