// `npm run screenshot`: builds Storybook, serves the build and, in headless Chromium, writes the README's pictures:
// stories/welcome.png (Storybook opened on its welcome page), and the interview screen playground after its play
// function, styled by the kit's default stylesheet alone: stories/playground.png (English, light),
// stories/playground-dark.png (the dark theme) and stories/playground-ko.png (the Korean story).
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

// Without a Korean font Chromium draws Hangul as empty boxes: that picture is not written then.
const koreanFonts = spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' })
const canShowKorean = koreanFonts.status === 0 && koreanFonts.stdout.trim() !== ''
if (!canShowKorean) {
  console.error(
    'No font for Korean (`fc-list :lang=ko` lists none): stories/playground-ko.png is left as it is. ' +
      'On Debian or Ubuntu: apt-get install -y fonts-noto-cjk',
  )
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

/**
 * The playground's play function ends with the session resumed after an answer: the story has rendered its data and
 * shows "Interview resumed" (in its locale) by then. Focus, which the resume handed to the Pause button, is taken
 * away, so that the picture shows the controls at rest.
 */
async function playgroundPlayed(page) {
  await page.locator('.isk-Controls .isk-Notice:not(:empty)').waitFor({ timeout: 30_000 })
  await page.evaluate(() => document.activeElement?.blur())
}

const playground = (story, globals = '') =>
  `iframe.html?id=examples-interview-screen--${story}&viewMode=story${globals === '' ? '' : `&globals=${globals}`}`

try {
  // Storybook as it opens: the sidebar, and the welcome page in the preview.
  await shoot('', { width: 1280, height: 800 }, 'welcome.png', async (page) => {
    const preview = page.frameLocator('#storybook-preview-iframe')
    await preview.getByRole('heading', { level: 1, name: 'interview-session-kit' }).waitFor({ timeout: 30_000 })
    // The code blocks render once the syntax highlighter has loaded.
    await preview.getByText('npm install interview-session-kit', { exact: false }).first().waitFor({ timeout: 30_000 })
    await page.getByRole('link', { name: 'Introduction' }).waitFor({ timeout: 30_000 })
  })
  const viewport = { width: 960, height: 600 }
  await shoot(playground('playground'), viewport, 'playground.png', playgroundPlayed)
  await shoot(playground('playground', 'theme:dark'), viewport, 'playground-dark.png', playgroundPlayed)
  // The Korean story: a Korean session, the components in Korean (the story sets the toolbar's locale).
  if (canShowKorean) await shoot(playground('korean'), viewport, 'playground-ko.png', playgroundPlayed)
} finally {
  await browser.close()
  server.close()
}
if (!canShowKorean) process.exitCode = 1
