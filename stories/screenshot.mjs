// `npm run screenshot`: builds Storybook, serves the build and, in headless Chromium, writes the README's pictures:
// stories/welcome.png (Storybook opened on its welcome page) and stories/playground.png (the playground story after
// its play function).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'

const root = fileURLToPath(new URL('..', import.meta.url))
const staticDir = join(root, 'storybook-static')
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
/** Opens `path` in a fresh context and page (the service worker unregisters when its last controlled page closes). */
async function shoot(path, viewport, output, ready) {
  const context = await browser.newContext({ viewport })
  try {
    const page = await context.newPage()
    await page.goto(`http://localhost:${port}/${path}`)
    await ready(page)
    await page.screenshot({ path: join(root, 'stories', output), fullPage: true })
    console.log(`wrote stories/${output}`)
  } finally {
    await context.close()
  }
}

try {
  // Storybook as it opens: the sidebar, and the welcome page in the preview.
  await shoot('', { width: 1280, height: 800 }, 'welcome.png', async (page) => {
    const preview = page.frameLocator('#storybook-preview-iframe')
    await preview.getByRole('heading', { level: 1, name: 'interview-session-kit' }).waitFor({ timeout: 30_000 })
    // The code blocks render once the syntax highlighter has loaded.
    await preview.getByText('npm install interview-session-kit', { exact: false }).first().waitFor({ timeout: 30_000 })
    await page.getByRole('link', { name: 'Introduction' }).waitFor({ timeout: 30_000 })
  })
  await shoot('iframe.html?id=examples-interview-screen--playground&viewMode=story', { width: 960, height: 600 }, 'playground.png', async (page) => {
    // The play function ends with the session resumed after an answer: the story has rendered its data by then.
    await page.getByRole('heading', { level: 1, name: 'System design: URL shortener' }).waitFor({ timeout: 30_000 })
    await page.getByText('Interview resumed').waitFor({ timeout: 30_000 })
  })
} finally {
  await browser.close()
  server.close()
}
