// The browser half of `npm run bench`, run after the jsdom half: builds the bench page, serves it, clicks Pause in
// Chromium for each implementation, writes .bench/browser.json, then prints the whole comparison table
// (.bench/results.json holds the same).
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { build } from 'vite'
import { printReport, writeJson } from '../report.mjs'

const ROWS = 1000
const RUNS = 20
const WARMUP = 2
const IMPLEMENTATIONS = ['ours', 'rtk', 'tanstack']

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const dist = join(repo, '.bench', 'browser-dist')
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function buildPage() {
  await build({
    configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)),
    configLoader: 'runner',
    logLevel: 'warn',
  })
  // The worker script of the installed msw (what `msw init` copies into public/), served from the root scope.
  const require = createRequire(import.meta.url)
  copyFileSync(require.resolve('msw/mockServiceWorker.js'), join(dist, 'mockServiceWorker.js'))
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' }

/** A static server for the built page on a free port of 127.0.0.1 (a secure context, as service workers need). */
function serve() {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    const file = normalize(join(dist, path === '/' ? 'index.html' : path))
    if (!file.startsWith(dist) || !existsSync(file)) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
    response.end(readFileSync(file))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

async function measure(browser, origin, impl) {
  // A fresh context per implementation: a fresh service worker registration and no shared cache.
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${origin}/?impl=${impl}&rows=${ROWS}&targets=${WARMUP + RUNS}`)
  await page.waitForFunction(() => window.bench?.ready === true, undefined, { timeout: 60_000 })
  const targets = await page.evaluate(() => window.bench.targets)
  const frame = []
  const dom = []
  for (const [run, title] of targets.entries()) {
    await page.evaluate((t) => window.bench.arm(t), title)
    await page.click(`li[aria-label="${title}"] button`)
    const ms = await page.evaluate(() => window.bench.result())
    if (run >= WARMUP) {
      frame.push(ms.frame)
      dom.push(ms.dom)
    }
    await page.evaluate(() => window.bench.idle())
  }
  await context.close()
  if (errors.length > 0) throw new Error(`${impl}: ${errors.join('; ')}`)
  return { frame, dom }
}

async function main() {
  const started = performance.now()
  const result = {
    rows: ROWS,
    runs: RUNS,
    warmup: WARMUP,
    clickToPaintMs: {},
    clickToDomMs: {},
    chromium: undefined,
    error: undefined,
  }
  try {
    if (!existsSync(executablePath)) throw new Error(`no Chromium at ${executablePath} (set CHROMIUM_PATH)`)
    await buildPage()
    const server = await serve()
    const origin = `http://127.0.0.1:${server.address().port}`
    const browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    try {
      result.chromium = browser.version()
      for (const impl of IMPLEMENTATIONS) {
        const { frame, dom } = await measure(browser, origin, impl)
        result.clickToPaintMs[impl] = frame
        result.clickToDomMs[impl] = dom
      }
    } finally {
      await browser.close()
      server.close()
    }
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error)
  }
  result.seconds = (performance.now() - started) / 1000
  writeJson('browser.json', result)
  const ok = printReport()
  process.exitCode = ok && !result.error ? 0 : 1
}

await main()
