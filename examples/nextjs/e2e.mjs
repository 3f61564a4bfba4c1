// The browser check of the running app: `node e2e.mjs http://127.0.0.1:3000` against a freshly started server
// (`run.mjs` builds, starts and stops one). It pauses and resumes Alice's active session, so the server's mock db
// must start from the demo data. Prints one line per check and `N passed, N failed`; exits non-zero on a failure.
import { pathToFileURL } from 'node:url'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { chromium } from 'playwright'

const SESSION_ID = DEMO_SESSION_IDS.active // Alice's, active in the demo data
const SESSION_TITLE = 'System design: URL shortener'
const TIMEOUT = 10_000

// Debian's Chromium: Playwright's own browser download is not used.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}

/** The parts of the server-rendered HTML the checks read (the page is React's output: one line, no pretty-print). */
function readHtml(html) {
  const status = /<span[^>]*aria-label="Interview status"[^>]*>([^<]*)<\/span>/.exec(html)?.[1]
  const gate = /<fieldset[^>]*aria-label="Your answer"[^>]*>/.exec(html)?.[0]
  const row = new RegExp(`>${SESSION_TITLE}</a><span[^>]*role="status"[^>]*>([^<]*)</span>`).exec(html)?.[1]
  return {
    status,
    rowStatus: row,
    pauseButton: /<button[^>]*>Pause interview<\/button>/.test(html),
    resumeButton: /<button[^>]*>Resume interview<\/button>/.test(html),
    gateDisabled: gate === undefined ? undefined : /\sdisabled=""/.test(gate),
    loading: html.includes('Loading…'),
  }
}

function expectEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
}

/** Polls until `read()` returns `expected`; the page updates asynchronously. */
async function waitFor(read, expected, what) {
  const deadline = Date.now() + TIMEOUT
  let actual
  while (Date.now() < deadline) {
    actual = await read()
    if (actual === expected) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  expectEqual(actual, expected, what)
}

async function fetchHtml(url) {
  const response = await fetch(url)
  expectEqual(response.status, 200, `GET ${url}`)
  return readHtml(await response.text())
}

function expectServerHtml(html, status) {
  expectEqual(html.loading, false, 'server HTML has "Loading…"')
  expectEqual(html.status, status, 'server-rendered session status')
  expectEqual(html.rowStatus, status, 'server-rendered status in the list row')
  expectEqual(html.pauseButton, status === 'Active', 'server-rendered Pause button')
  expectEqual(html.resumeButton, status === 'Paused', 'server-rendered Resume button')
  expectEqual(html.gateDisabled, status !== 'Active', 'server-rendered answer fieldset disabled')
}

/**
 * Records, from the very start of the document, every status badge, button, fieldset or section that gets removed
 * from it. Hydration reuses the server's elements; React throws them away and renders anew only after a mismatch.
 */
function watchRemovals() {
  window.__removedElements = []
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.removedNodes) {
        if (node instanceof Element && (node.matches('[role="status"], button, fieldset, section') || node.querySelector('section'))) {
          window.__removedElements.push(node.outerHTML.slice(0, 120))
        }
      }
    }
  }).observe(document, { childList: true, subtree: true })
}

/** Runs every check against the app at `baseUrl`; returns the counts. */
export async function runChecks(baseUrl, log = console.log) {
  const pageUrl = `${baseUrl}/interviews/${SESSION_ID}`
  const results = { passed: 0, failed: 0 }
  async function check(name, body) {
    try {
      await body()
      results.passed += 1
      log(`ok - ${name}`)
    } catch (error) {
      results.failed += 1
      log(`FAIL - ${name}\n  ${error instanceof Error ? error.message : String(error)}`)
    }
  }

  await check('the first HTML shows the status, the Pause button and the open answer field, no "Loading…"', async () => {
    expectServerHtml(await fetchHtml(pageUrl), 'Active')
  })

  let browser
  try {
    browser = await chromium.launch(launchOptions)
  } catch (error) {
    results.failed += 1
    log(`FAIL - Chromium did not start (set CHROMIUM_PATH, or apt-get install chromium)\n  ${error instanceof Error ? error.message : String(error)}`)
    return results
  }
  try {
    const page = await browser.newPage()
    page.setDefaultTimeout(TIMEOUT)
    const problems = []
    page.on('console', (message) => {
      if (message.type() === 'error' || /hydrat/i.test(message.text())) {
        problems.push(`console.${message.type()}: ${message.text()} (${message.location().url})`)
      }
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    await page.addInitScript(watchRemovals)

    const section = page.getByRole('region', { name: SESSION_TITLE })
    const status = section.getByRole('status', { name: 'Interview status' })
    const pause = section.getByRole('button', { name: 'Pause interview' })
    const resume = section.getByRole('button', { name: 'Resume interview' })
    const gate = section.getByRole('group', { name: 'Your answer' })
    const row = page
      .getByRole('region', { name: 'Your interviews' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: SESSION_TITLE }) })
      .getByRole('status')
    const text = (locator) => () => locator.textContent()
    const count = (locator) => () => locator.count()
    const disabled = () => gate.evaluate((element) => element instanceof HTMLFieldSetElement && element.disabled)
    // React marks each element it has hydrated with a `__reactFiber$…` key: clicks before that would be lost.
    const hydrated = (locator) => () => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber$')))
    const answer = (action) => {
      const response = page.waitForResponse(
        (candidate) => candidate.request().method() === 'POST' && candidate.url().endsWith(`/api/interviews/${SESSION_ID}/${action}`),
      )
      // A check that fails before awaiting it must not leave a rejection unhandled when the browser closes.
      response.catch(() => undefined)
      return response
    }

    await check('the page hydrates the server HTML in place: no hydration warning, no console error', async () => {
      await page.goto(pageUrl)
      await waitFor(hydrated(pause), true, 'Pause button hydrated')
      await page.waitForLoadState('networkidle')
      expectEqual(await text(status)(), 'Active', 'status after hydration')
      const removed = await page.evaluate(() => window.__removedElements)
      expectEqual(removed.length, 0, `server-rendered elements replaced on the client (${removed.join(' | ')})`)
      expectEqual(problems.length, 0, `console problems (${problems.join(' | ')})`)
    })

    await check('"Pause interview" shows "Paused", the Resume button, a disabled answer field and the paused row', async () => {
      const answered = answer('pause')
      await pause.click()
      await waitFor(text(status), 'Paused', 'status after the click')
      await waitFor(text(row), 'Paused', 'list row after the click')
      expectEqual((await answered).status(), 200, 'pause answer')
      await waitFor(count(resume), 1, 'Resume buttons')
      await waitFor(count(pause), 0, 'Pause buttons')
      await waitFor(disabled, true, 'answer fieldset disabled')
    })

    await check('after a reload the server renders "Paused": the API route and the pages share one db', async () => {
      expectServerHtml(await fetchHtml(pageUrl), 'Paused')
      await page.reload()
      await waitFor(hydrated(resume), true, 'Resume button hydrated')
      expectEqual(await text(status)(), 'Paused', 'status after the reload')
      const removed = await page.evaluate(() => window.__removedElements)
      expectEqual(removed.length, 0, `server-rendered elements replaced on the client (${removed.join(' | ')})`)
    })

    await check('"Resume interview" shows "Active" again, on the page and in the next server render', async () => {
      const answered = answer('resume')
      await resume.click()
      await waitFor(text(status), 'Active', 'status after the click')
      await waitFor(text(row), 'Active', 'list row after the click')
      expectEqual((await answered).status(), 200, 'resume answer')
      await waitFor(count(pause), 1, 'Pause buttons')
      await waitFor(disabled, false, 'answer fieldset disabled')
      expectServerHtml(await fetchHtml(pageUrl), 'Active')
    })

    await check('no console error, page error or hydration warning during the whole run', async () => {
      await page.waitForLoadState('networkidle')
      expectEqual(problems.length, 0, `console problems (${problems.join(' | ')})`)
    })
  } finally {
    await browser.close()
  }
  return results
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const baseUrl = process.argv[2]
  if (!baseUrl) {
    console.error('usage: node e2e.mjs <base URL of the running app>')
    process.exit(2)
  }
  const { passed, failed } = await runChecks(baseUrl.replace(/\/+$/, ''))
  console.log(`${passed} passed, ${failed} failed`)
  process.exit(failed === 0 ? 0 : 1)
}
