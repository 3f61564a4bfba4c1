// Two real tabs of one origin in Chromium, each the story "Many tabs and devices / One of many tabs" of the static
// Storybook (its own store and api on its own in-page mock server, cross-tab sync on): a pause clicked in tab A locks
// tab B's InteractionGate within 50 ms (the median of 7 rounds: one loaded machine runs both tabs, and a round may
// wait for the other tab's work), and tab B sends no request for it. Prints every lock time and the request counts.
import { chromium, type Browser, type Page } from 'playwright'
import { en } from 'interview-session-kit'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import chromiumArgs from './chromiumArgs.json' with { type: 'json' }

const { url } = inject('storybookStatic')
const STORY = `${url}/iframe.html?id=examples-many-tabs-and-devices--one-of-many-tabs&viewMode=story`
const GATE = 'Answer in This tab'
/** Milliseconds from the click in tab A within which tab B's gate must be disabled. */
const LOCK_BUDGET_MS = 50
const ROUNDS = 7

/** What a tab records about itself, as epoch milliseconds (`performance.timeOrigin + …`, one clock for all tabs). */
interface TabRecord {
  clicks: number[]
  locks: number[]
}

declare global {
  interface Window {
    tabRecord?: TabRecord
  }
}

/**
 * Runs in each tab before its scripts (serialized by Playwright: self-contained). Records every click, and every
 * moment the gate goes from enabled to disabled.
 */
function recordTab(gateLabel: string): void {
  const record: TabRecord = { clicks: [], locks: [] }
  window.tabRecord = record
  addEventListener('click', (event) => void record.clicks.push(performance.timeOrigin + event.timeStamp), true)
  let enabled = false
  new MutationObserver(() => {
    const gate = document.querySelector<HTMLFieldSetElement>(`[aria-label="${gateLabel}"]`)
    if (!gate) return
    if (!gate.disabled) enabled = true
    else if (enabled) {
      enabled = false
      record.locks.push(performance.timeOrigin + performance.now())
    }
  }).observe(document, { subtree: true, childList: true, attributes: true })
}

/** The interview API requests a tab sends (to the mock server in its service worker), as `METHOD /path`. */
function apiRequests(page: Page): string[] {
  const sent: string[] = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/api/')) sent.push(`${request.method()} ${pathname}`)
  })
  return sent
}

let browser: Browser

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs })
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

it('a pause in one tab locks the other tab at once, and the other tab sends no request for it', { timeout: 120_000 }, async () => {
  // One browser context: one origin's storage, where the tabs' BroadcastChannel reaches.
  const context = await browser.newContext({ viewport: { width: 800, height: 600 } })
  try {
    await context.addInitScript(recordTab, GATE)
    const a = await context.newPage()
    const b = await context.newPage()
    const sentByA = apiRequests(a)
    const sentByB = apiRequests(b)
    for (const page of [a, b]) {
      await page.goto(STORY)
      await page.getByRole('button', { name: en.pause }).waitFor({ timeout: 30_000 })
    }
    const [aBefore, bBefore] = [sentByA.length, sentByB.length]

    const lockTimes: number[] = []
    for (let round = 0; round < ROUNDS; round += 1) {
      await a.getByRole('button', { name: en.pause }).click()
      // Confirmed in both tabs (the story's mock server answers after 600 ms).
      await b.getByRole('button', { name: en.resume }).waitFor({ timeout: 10_000 })
      await a.getByRole('button', { name: en.resume }).waitFor({ timeout: 10_000 })
      const clickedAt = (await a.evaluate(() => window.tabRecord?.clicks.at(-1))) ?? Number.NaN
      const lockedAt = (await b.evaluate(() => window.tabRecord?.locks.at(-1))) ?? Number.NaN
      lockTimes.push(Math.round((lockedAt - clickedAt) * 10) / 10)
      await a.getByRole('button', { name: en.resume }).click()
      await b.getByRole('button', { name: en.pause }).waitFor({ timeout: 10_000 })
      await a.getByRole('button', { name: en.pause }).waitFor({ timeout: 10_000 })
    }
    // Let anything late arrive before counting.
    await b.waitForTimeout(1_000)

    const byA = sentByA.slice(aBefore)
    const byB = sentByB.slice(bBefore)
    const sorted = [...lockTimes].sort((x, y) => x - y)
    const median = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
    console.log(
      `tab B locked after the click in tab A (ms): ${lockTimes.join(', ')}; median ${median}\n` +
        `requests during ${ROUNDS} pauses and resumes: tab A ${byA.length} (${[...new Set(byA)].join(', ')}), tab B ${byB.length}`,
    )
    // The counting sees tab A's requests: it would see tab B's.
    expect(byA.filter((request) => request.startsWith('POST'))).toHaveLength(2 * ROUNDS)
    expect(byB).toEqual([])
    expect(lockTimes.every((time) => time >= 0)).toBe(true)
    expect(median).toBeLessThanOrEqual(LOCK_BUDGET_MS)
  } finally {
    await context.close()
  }
})
