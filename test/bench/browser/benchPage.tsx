// The browser half of the bench: one implementation (`?impl=ours|rtk|tanstack`) rendering `?rows=` sessions over
// MSW's service worker, with in-page timing of click → next frame with "Paused" visible. Driven by run.mjs.
import { createInterviewDb, createInterviewHandlers } from 'interview-session-kit/mocks'
import { setupWorker } from 'msw/browser'
import { createRoot } from 'react-dom/client'
import { implementations } from '../impls/implementations'
import { activeTargets, benchSeed, BENCH_USER, expectedRows, LATENCY_MS, sessionTitle } from '../support/benchSeed'

/** What run.mjs calls in the page. */
export interface BenchPage {
  /** True once the list is loaded and the client idle. */
  ready: boolean
  /** Titles of the rows to pause, in order (the same for every implementation). */
  targets: string[]
  /** Watches the row titled `title`: the next click in it starts the clock, "Paused" in its status stops it. */
  arm(title: string): void
  /**
   * From the click event's timestamp: milliseconds until the animation frame after "Paused" appeared (`frame`), and
   * until the mutation observer saw it (`dom`).
   */
  result(): Promise<{ frame: number; dom: number }>
  /** Resolves once no request is open and the client is idle (50 ms quiet), two frames later. */
  idle(): Promise<void>
}

declare global {
  interface Window {
    bench?: BenchPage
  }
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const statusOf = (row: Element) => row.querySelector('[role="status"]')?.textContent

async function main() {
  const params = new URLSearchParams(location.search)
  const impl = implementations.find((candidate) => candidate.key === params.get('impl'))
  if (!impl) throw new Error(`bench: unknown implementation ${params.get('impl')}`)
  const rows = Number(params.get('rows') ?? 1000)

  let inFlight = 0
  const db = createInterviewDb(benchSeed(rows))
  const worker = setupWorker(...createInterviewHandlers({ db, baseUrl: '/api', delayMs: LATENCY_MS }))
  worker.events.on('request:start', () => {
    inFlight += 1
  })
  worker.events.on('request:end', () => {
    inFlight -= 1
  })
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'error', quiet: true })

  const app = impl.app({ baseUrl: '/api', token: BENCH_USER.token }, ['all'])
  const container = document.getElementById('root')
  if (!container) throw new Error('bench: no #root')
  createRoot(container).render(app.element)

  async function idle() {
    let quietSince: number | undefined
    for (;;) {
      await sleep(5)
      const now = performance.now()
      if (!app.isIdle() || inFlight > 0) quietSince = undefined
      else if (quietSince === undefined) quietSince = now
      else if (now - quietSince >= 50) break
    }
    await frame()
    await frame()
  }

  let pending: Promise<{ frame: number; dom: number }> | undefined
  const bench: BenchPage = {
    ready: false,
    targets: activeTargets(rows, Number(params.get('targets') ?? 22)).map(sessionTitle),
    arm(title) {
      const row = container.querySelector(`li[aria-label="${title}"]`)
      if (!row) throw new Error(`bench: no row ${title}`)
      let clickedAt: number | undefined
      const onClick = (event: MouseEvent) => {
        if (clickedAt === undefined && row.contains(event.target as Node)) clickedAt = event.timeStamp
      }
      // Capture phase on the document: runs before React's own listener on the root.
      document.addEventListener('click', onClick, { capture: true })
      pending = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (clickedAt === undefined || statusOf(row) !== 'Paused') return
          observer.disconnect()
          document.removeEventListener('click', onClick, { capture: true })
          const start = clickedAt
          const dom = performance.now() - start
          requestAnimationFrame(() => resolve({ frame: performance.now() - start, dom }))
        })
        observer.observe(row, { subtree: true, childList: true, characterData: true })
      })
    },
    result: () => pending ?? Promise.reject(new Error('bench: arm() first')),
    idle,
  }
  window.bench = bench

  while (container.querySelectorAll('ul > li').length < expectedRows(rows, 'all')) await sleep(20)
  await idle()
  bench.ready = true
}

void main()
