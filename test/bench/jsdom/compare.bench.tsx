// The jsdom half of `npm run bench`: renders, commits, requests and the cost of the optimistic write, for the three
// implementations at each list size, written to .bench/jsdom.json (printed by browser/run.mjs with the rest).
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { implementations } from '../impls/implementations'
import { activeTargets, LATENCY_MS, sessionId, SIZES, type ListFilter } from '../support/benchSeed'
import { renderProbe } from '../support/renderProbe'
import {
  createBenchServer,
  mountApp,
  pauseButton,
  prepareCache,
  sleep,
  statusText,
  until,
  type MountedApp,
} from './benchHarness'

/** `BENCH_SIZES=100,1000` runs only those sizes (for a quick look); default: all of {@link SIZES}. */
const sizes: readonly number[] = process.env.BENCH_SIZES
  ? process.env.BENCH_SIZES.split(',').map(Number).filter((n) => n > 0)
  : SIZES

const net = createBenchServer()
beforeAll(() => net.server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => net.server.close())

/** Pauses measured one by one, per size. */
const PAUSE_RUNS: Record<number, number> = { 100: 5, 1_000: 5, 10_000: 5 }
/** Optimistic writes timed per size, started `CACHE_BATCH` at a time with the client settled between batches. */
const CACHE_RUNS: Record<number, number> = { 100: 50, 1_000: 50, 10_000: 50 }
const CACHE_BATCH = 10
const RAPID_CLICKS = 10
/** Spacing of the "spread" rapid clicks: ten clicks span 225 ms, across the 200 ms answer of the first POST. */
const RAPID_SPACING_MS = 25
const BURST = 10
/** The burst mounts three lists (~19,000 rows at 10,000 sessions): drop 10,000 here if the bench gets too slow. */
const BURST_SIZES: readonly number[] = [100, 1_000, 10_000]
const UNRELATED_ACTIONS = 20
/** Mounts timed per size, the implementations taking turns (so that a slow moment of the machine hits all of them). */
const MOUNT_ROUNDS = 3

interface PauseSample {
  commitsToPaused: number
  commits: number
  rowRenders: number
  rowCommits: number
  rowsTouched: number
  listRenders: number
  renderMs: number
  posts: number
  listGets: number
}

interface ImplResult {
  mountMs: number[]
  unrelatedActionMs: number[]
  pauses: PauseSample[]
  rapidSameTask: RapidResult
  rapidSpread: RapidResult
  burst: BurstResult
  cacheMs: number[]
  cacheMisses: number
}

interface RapidResult {
  clicks: number
  posts: number
  shown: string | null | undefined
  server: string | undefined
}

interface BurstResult {
  posts: number
  refetches: Record<ListFilter, number>
  consistent: boolean
}

const results: Record<string, Record<string, Partial<ImplResult>>> = {}
const record = (size: number, key: string) => ((results[size] ??= {})[key] ??= {})

/** One pause of session `i`: click → "Paused" in the row (commits), then click → settled (everything else). */
async function measurePause(mounted: MountedApp, i: number): Promise<PauseSample> {
  const row = mounted.row('all', i)
  const button = pauseButton(row)
  if (!row || !button) throw new Error(`bench: no Pause button for session ${i}`)
  const since = net.log.length
  renderProbe.reset()
  let commitsToPaused: number | undefined
  renderProbe.afterCommit = () => {
    if (commitsToPaused === undefined && statusText(row) === 'Paused') commitsToPaused = renderProbe.commits
  }
  button.click()
  await until(() => statusText(row) === 'Paused', `session ${i} to show Paused`, 30_000, 2)
  await mounted.settle()
  expect(statusText(row), 'the row ends paused').toBe('Paused')
  const requests = net.log.slice(since)
  return {
    commitsToPaused: commitsToPaused ?? Number.NaN,
    commits: renderProbe.commits,
    rowRenders: renderProbe.rowRenders,
    rowCommits: renderProbe.rowCommits,
    rowsTouched: renderProbe.rowsTouched.size,
    listRenders: renderProbe.listRenders,
    renderMs: renderProbe.renderMs,
    posts: requests.filter((r) => r.method === 'POST').length,
    listGets: requests.filter((r) => r.list !== undefined).length,
  }
}

/** Ten clicks on the Pause button of session `i` (while it is there), `spacingMs` apart (0: in one task). */
async function rapidClicks(mounted: MountedApp, i: number, spacingMs: number): Promise<RapidResult> {
  const row = mounted.row('all', i)
  const since = net.log.length
  let clicks = 0
  for (let k = 0; k < RAPID_CLICKS; k += 1) {
    const button = pauseButton(row)
    if (button) {
      button.click()
      clicks += 1
    }
    if (spacingMs > 0) await sleep(spacingMs)
  }
  await mounted.settle()
  return {
    clicks,
    posts: net.log.slice(since).filter((r) => r.method === 'POST').length,
    shown: statusText(row),
    server: mounted.db.get(sessionId(i))?.status,
  }
}

/** Pauses ten sessions from the all-sessions list in one task, with the all/active/paused lists mounted. */
async function burst(mounted: MountedApp, targets: readonly number[]): Promise<BurstResult> {
  const since = net.log.length
  for (const i of targets) pauseButton(mounted.row('all', i))?.click()
  await mounted.settle()
  const requests = net.log.slice(since)
  const refetches = { all: 0, active: 0, paused: 0 }
  for (const r of requests) if (r.list) refetches[r.list] += 1
  const consistent = targets.every(
    (i) =>
      statusText(mounted.row('all', i)) === 'Paused' &&
      statusText(mounted.row('paused', i)) === 'Paused' &&
      mounted.row('active', i) === null,
  )
  return { posts: requests.filter((r) => r.method === 'POST').length, refetches, consistent }
}

// Every implementation runs once before anything is measured, so that the first one measured does not pay for the
// JIT, MSW's interceptors and jsdom warming up.
beforeAll(async () => {
  for (const impl of implementations) {
    const mounted = await mountApp(net, impl, 100, ['all'])
    try {
      const [target] = activeTargets(100, 1)
      await measurePause(mounted, target ?? 0)
    } finally {
      mounted.unmount()
    }
    const cache = await prepareCache(net, impl, 100, activeTargets(100, 2).map(sessionId))
    cache.dispose()
  }
}, 120_000)

describe.each(sizes)('%i sessions', (size) => {
  it('mount: render → all rows shown, the implementations taking turns', async () => {
    for (let round = 0; round < MOUNT_ROUNDS; round += 1) {
      for (const impl of implementations) {
        const mounted = await mountApp(net, impl, size, ['all'])
        mounted.unmount()
        ;(record(size, impl.key).mountMs ??= []).push(mounted.mountMs)
      }
    }
  })

  describe.each(implementations)('$label', (impl) => {
    it('renders and commits per pause; POSTs for rapid clicks', async () => {
      const mounted = await mountApp(net, impl, size, ['all'])
      try {
        const { dispatchUnrelated } = mounted.app
        if (dispatchUnrelated) {
          // react-redux runs every subscribed selector synchronously inside dispatch: this is their cost.
          const times: number[] = []
          for (let k = 0; k < UNRELATED_ACTIONS; k += 1) {
            const t0 = performance.now()
            dispatchUnrelated()
            times.push(performance.now() - t0)
          }
          record(size, impl.key).unrelatedActionMs = times
        }
        const runs = PAUSE_RUNS[size] ?? 5
        const pauses: PauseSample[] = []
        for (const i of activeTargets(size, runs)) pauses.push(await measurePause(mounted, i))
        const [sameTask, spread] = activeTargets(size, 2, runs)
        record(size, impl.key).pauses = pauses
        record(size, impl.key).rapidSameTask = await rapidClicks(mounted, sameTask ?? 0, 0)
        record(size, impl.key).rapidSpread = await rapidClicks(mounted, spread ?? 0, RAPID_SPACING_MS)
      } finally {
        mounted.unmount()
      }
    })

    it.runIf(BURST_SIZES.includes(size))('list refetches after a burst of ten pauses, per mounted list', async () => {
      const mounted = await mountApp(net, impl, size, ['all', 'active', 'paused'])
      try {
        record(size, impl.key).burst = await burst(mounted, activeTargets(size, BURST))
      } finally {
        mounted.unmount()
      }
    })

    it('time to apply the optimistic change to the cache', async () => {
      const runs = CACHE_RUNS[size] ?? 50
      const targets = activeTargets(size, runs).map(sessionId)
      const cache = await prepareCache(net, impl, size, targets)
      const times: number[] = []
      let misses = 0
      try {
        for (let start = 0; start < targets.length; start += CACHE_BATCH) {
          for (const id of targets.slice(start, start + CACHE_BATCH)) {
            const index = cache.listIndex(id)
            const t0 = performance.now()
            cache.pause(id)
            // The write may land synchronously (RTK's onQueryStarted) or a few microtasks later (TanStack's
            // onMutate awaits cancelQueries): look again after each microtask, then after each macrotask.
            let hops = 0
            while (!cache.showsPaused(id, index) && hops < 2_000) {
              hops += 1
              await (hops < 1_000 ? Promise.resolve() : sleep(0))
            }
            if (cache.showsPaused(id, index)) times.push(performance.now() - t0)
            else misses += 1
          }
          // Settled twice: the list refetch a settled mutation triggers may start a moment after it.
          await until(() => cache.isIdle() && net.inFlight() === 0, 'the cache to settle')
          await sleep(LATENCY_MS / 4)
          await until(() => cache.isIdle() && net.inFlight() === 0, 'the cache to settle')
        }
      } finally {
        cache.dispose()
      }
      record(size, impl.key).cacheMs = times
      record(size, impl.key).cacheMisses = misses
    })
  })
})

afterAll(() => {
  const dir = process.env.BENCH_OUT_DIR ?? '.bench'
  mkdirSync(dir, { recursive: true })
  const report = {
    createdAt: new Date().toISOString(),
    environment: 'jsdom 29, production React (react-dom/profiling)',
    latencyMs: LATENCY_MS,
    runs: {
      pauses: PAUSE_RUNS,
      cache: CACHE_RUNS,
      cacheBatch: CACHE_BATCH,
      rapidSpacingMs: RAPID_SPACING_MS,
      burstSizes: BURST_SIZES,
      unrelatedActions: UNRELATED_ACTIONS,
    },
    implementations: implementations.map(({ key, label, optimisticTarget }) => ({ key, label, optimisticTarget })),
    results,
  }
  writeFileSync(`${dir}/jsdom.json`, `${JSON.stringify(report, null, 2)}\n`)
})
