import { createInterviewDb, createInterviewHandlers, type InterviewDb, type MockSeed } from 'interview-session-kit/mocks'
import { setupServer } from 'msw/node'
import { Profiler } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import type { BenchApp, BenchCache, BenchConnection, BenchImplementation } from '../impls/BenchImplementation'
import { benchSeed, BENCH_USER, expectedRows, LATENCY_MS, sessionTitle, type ListFilter } from '../support/benchSeed'
import { APP_PROFILER_ID, onProfilerRender } from '../support/renderProbe'

/** jsdom's origin; Node has no page origin, so the bench uses an absolute base URL. */
export const BASE_URL = 'http://localhost:3000/api'
const connection: BenchConnection = { baseUrl: BASE_URL, token: BENCH_USER.token }

export interface LoggedRequest {
  method: string
  /** Path without the base URL: `/interviews`, `/interviews/:id/pause`… */
  path: string
  /** The list's `status` query parameter, `all` when absent (GET /interviews only). */
  list: ListFilter | undefined
}

/** One MSW server for the whole bench, with a log of every request and a count of those still open. */
export function createBenchServer() {
  const server = setupServer()
  const log: LoggedRequest[] = []
  let inFlight = 0
  server.events.on('request:start', ({ request }) => {
    inFlight += 1
    const url = new URL(request.url)
    const path = url.pathname.replace(/^\/api/, '')
    const list = path === '/interviews' ? ((url.searchParams.get('status') ?? 'all') as ListFilter) : undefined
    log.push({ method: request.method, path, list })
  })
  server.events.on('request:end', () => {
    inFlight -= 1
  })
  return {
    server,
    log,
    inFlight: () => inFlight,
    /** A fresh db from `seed` behind the handlers, with the bench's fixed latency. */
    use(seed: MockSeed): InterviewDb {
      const db = createInterviewDb(seed)
      server.resetHandlers(...createInterviewHandlers({ db, baseUrl: BASE_URL, delayMs: LATENCY_MS }))
      return db
    },
  }
}

export type BenchServer = ReturnType<typeof createBenchServer>

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))

/** Polls `check` until it holds. */
export async function until(check: () => boolean, what: string, timeoutMs = 60_000, everyMs = 5): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`)
    await sleep(everyMs)
  }
}

/**
 * Waits until the client is idle, no request is open, and both have stayed so for 50 ms (a refetch that a settled
 * mutation triggers starts well within that), then lets two animation frames pass (RTK's auto-batching notifies
 * subscribers on the next frame).
 */
export async function settle(net: BenchServer, isIdle: () => boolean): Promise<void> {
  const deadline = performance.now() + 60_000
  let quietSince: number | undefined
  for (;;) {
    await sleep(5)
    const now = performance.now()
    if (!isIdle() || net.inFlight() > 0) quietSince = undefined
    else if (quietSince === undefined) quietSince = now
    else if (now - quietSince >= 50) break
    if (now > deadline) throw new Error('bench: requests kept running')
  }
  await nextFrame()
  await nextFrame()
}

const seeds = new Map<number, MockSeed>()
/** The seed of `size` sessions, built once per size. */
export function seedOf(size: number): MockSeed {
  let seed = seeds.get(size)
  if (!seed) seeds.set(size, (seed = benchSeed(size)))
  return seed
}

/** An implementation mounted in jsdom, with its lists loaded. */
export interface MountedApp {
  db: InterviewDb
  app: BenchApp
  /** From `render()` until every list shows all its rows (includes the mock latency). */
  mountMs: number
  /** The row of session `i` in list `filter`. */
  row(filter: ListFilter, i: number): HTMLLIElement | null
  settle(): Promise<void>
  unmount(): void
}

export async function mountApp(
  net: BenchServer,
  impl: BenchImplementation,
  size: number,
  lists: readonly ListFilter[],
): Promise<MountedApp> {
  const db = net.use(seedOf(size))
  const app = impl.app(connection, lists)
  const container = document.createElement('div')
  document.body.append(container)
  const root: Root = createRoot(container)
  const t0 = performance.now()
  root.render(
    <Profiler id={APP_PROFILER_ID} onRender={onProfilerRender}>
      {app.element}
    </Profiler>,
  )
  const rows = (filter: ListFilter) => container.querySelectorAll(`ul[aria-label="${filter}"] > li`).length
  await until(() => lists.every((filter) => rows(filter) === expectedRows(size, filter)), 'the lists to load', 120_000, 5)
  const mountMs = performance.now() - t0
  await settle(net, app.isIdle)
  return {
    db,
    app,
    mountMs,
    row: (filter, i) =>
      container.querySelector<HTMLLIElement>(`ul[aria-label="${filter}"] > li[aria-label="${sessionTitle(i)}"]`),
    settle: () => settle(net, app.isIdle),
    unmount() {
      root.unmount()
      container.remove()
      app.dispose()
    },
  }
}

/** A cache of `impl` over a fresh db, prepared for pausing `ids`. */
export async function prepareCache(
  net: BenchServer,
  impl: BenchImplementation,
  size: number,
  ids: readonly string[],
): Promise<BenchCache> {
  net.use(seedOf(size))
  const cache = impl.cache(connection)
  await cache.prepare(ids)
  await settle(net, cache.isIdle)
  return cache
}

/** The row's status text. */
export function statusText(row: Element | null): string | null | undefined {
  return row?.querySelector('[role="status"]')?.textContent
}

/** The row's Pause button, pending or not (its accessible name stays "Pause interview"). */
export function pauseButton(row: Element | null): HTMLButtonElement | undefined {
  const buttons = row ? [...row.querySelectorAll('button')] : []
  return buttons.find((button) => (button.getAttribute('aria-label') ?? button.textContent) === 'Pause interview')
}
