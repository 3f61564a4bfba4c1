// @vitest-environment node
// The headless half of `npm run bench`: the cache alone, at sizes the rendered bench cannot reach, written to
// .bench/cache.json (printed with the rest by browser/run.mjs).
// - optimistic write with a realistic cache: the four list variants (all / active / paused / completed) and 25
//   session details cached, the paused session anywhere in the list;
// - a list refetch landing: the time from dispatching the refetch until the cache holds the answer, the answer
//   already waiting (a prepared JSON body), so the time is the client's own work.
// Both against plain RTK Query over the docs' axios base query: its optimistic write patches one list with
// `updateQueryData` + `find` (the docs pattern), its landing is RTK's own (structural sharing on).
import { configureStore } from '@reduxjs/toolkit'
import { createApi } from '@reduxjs/toolkit/query'
import axios, { type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios'
import { createInterviewApi, createInterviewStore, type InterviewSession, type InterviewStatus } from 'interview-session-kit'
import { mkdirSync, writeFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { axiosBaseQuery } from '../impls/rtkPattern/axiosBaseQuery'
import { benchSeed, sessionId } from '../support/benchSeed'

const SIZES = (process.env.BENCH_CACHE_SIZES ?? '10000,50000').split(',').map(Number)
const WRITES = 20
const LANDINGS = 10
const DETAILS = 25
const VARIANTS: (InterviewStatus | undefined)[] = [undefined, 'active', 'paused', 'completed']
const BASE = 'http://bench.local/api'

/** An in-memory server behind an axios adapter: lists answered from prepared JSON, pauses held until released. */
function createServer(size: number) {
  const sessions = new Map<string, InterviewSession>()
  for (const { ownerId: _owner, ...session } of benchSeed(size).sessions ?? []) sessions.set(session.id, session)
  let clock = Date.UTC(2027, 0, 1)
  const bodies = new Map<string, string>()
  const held: (() => void)[] = []
  const listBody = (status: string | undefined) => {
    const key = status ?? ''
    let body = bodies.get(key)
    if (body === undefined) {
      const list = [...sessions.values()]
        .filter((session) => status === undefined || session.status === status)
        .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.id < b.id ? -1 : 1))
      body = JSON.stringify(list)
      bodies.set(key, body)
    }
    return body
  }
  const respond = (config: InternalAxiosRequestConfig, status: number, data: string) =>
    Promise.resolve({ data, status, statusText: 'OK', headers: { 'content-type': 'application/json' }, config })
  const adapter: AxiosAdapter = (config) => {
    const url = new URL(config.url ?? '', config.baseURL || undefined)
    const path = url.pathname.replace(/^\/api/, '')
    const status = (config.params as { status?: string } | undefined)?.status ?? url.searchParams.get('status') ?? undefined
    if (config.method?.toUpperCase() === 'GET' && path === '/interviews') return respond(config, 200, listBody(status))
    const [, , id, action] = path.split('/')
    const session = id ? sessions.get(id) : undefined
    if (!session) return respond(config, 404, '{"error":"Failed to pause interview"}')
    if (config.method?.toUpperCase() === 'GET') return respond(config, 200, JSON.stringify(session))
    return new Promise((resolve) => {
      held.push(() => {
        clock += 1000
        const next = { ...session, status: action === 'pause' ? 'paused' : 'active', updatedAt: new Date(clock).toISOString() }
        sessions.set(session.id, next)
        bodies.clear()
        void respond(config, 200, JSON.stringify(next)).then(resolve)
      })
    })
  }
  return {
    adapter,
    /** Answers every pause held so far. */
    release: () => held.splice(0).forEach((answer) => answer()),
    /** A change made elsewhere: one session's copy moves on, as between two refetches. */
    touch(i: number) {
      const id = sessionId(i)
      const session = sessions.get(id)
      if (!session) return
      clock += 1000
      sessions.set(id, { ...session, title: `${session.title}.`, updatedAt: new Date(clock).toISOString() })
      bodies.clear()
    },
    /** Prepares the list bodies (their serialization is the server's work, not the client's). */
    warm: () => VARIANTS.forEach((status) => listBody(status)),
  }
}

function createOurs(server: ReturnType<typeof createServer>) {
  const api = createInterviewApi({
    baseUrl: BASE,
    axiosInstance: axios.create({ adapter: server.adapter }),
    getAccessToken: () => 'token',
    crossTab: false,
  })
  const store = createInterviewStore({ api })
  const idle = () =>
    store.dispatch(api.util.getRunningQueriesThunk()).length === 0 &&
    store.dispatch(api.util.getRunningMutationsThunk()).length === 0
  return {
    async prepare(details: readonly string[]) {
      await Promise.all([
        ...VARIANTS.map((status) => store.dispatch(api.endpoints.listInterviews.initiate(status && { status }))),
        ...details.map((id) => store.dispatch(api.endpoints.getInterview.initiate(id))),
      ])
    },
    pause: (id: string) => void store.dispatch(api.endpoints.pauseInterview.initiate(id)),
    showsPaused: (id: string) =>
      api.endpoints.listInterviews.select(undefined)(store.getState()).data?.find((session) => session.id === id)?.status === 'paused',
    refetchAll: () => store.dispatch(api.endpoints.listInterviews.initiate(undefined, { forceRefetch: true })),
    idle,
  }
}

function createPlainRtk(server: ReturnType<typeof createServer>) {
  const api = createApi({
    reducerPath: 'plain',
    baseQuery: axiosBaseQuery(axios.create({ baseURL: BASE, adapter: server.adapter })),
    tagTypes: ['List'],
    endpoints: (build) => ({
      listInterviews: build.query<InterviewSession[], InterviewStatus | undefined>({
        query: (status) => ({ url: '/interviews', params: status ? { status } : undefined }),
        providesTags: ['List'],
      }),
      pauseInterview: build.mutation<InterviewSession, string>({
        query: (id) => ({ url: `/interviews/${id}/pause`, method: 'POST', data: {} }),
        invalidatesTags: ['List'],
        // The docs pattern ("Optimistic Updates"): find the item in the cached list, patch it, undo on failure.
        onQueryStarted(id, { dispatch, queryFulfilled }) {
          const patch = dispatch(
            api.util.updateQueryData('listInterviews', undefined, (draft) => {
              const session = draft.find((item) => item.id === id)
              if (session) session.status = 'paused'
            }),
          )
          queryFulfilled.catch(patch.undo)
        },
      }),
    }),
  })
  const store = configureStore({
    reducer: { [api.reducerPath]: api.reducer },
    middleware: (gDM) => gDM().concat(api.middleware),
  })
  const idle = () =>
    store.dispatch(api.util.getRunningQueriesThunk()).length === 0 &&
    store.dispatch(api.util.getRunningMutationsThunk()).length === 0
  return {
    async prepare() {
      await store.dispatch(api.endpoints.listInterviews.initiate(undefined))
    },
    pause: (id: string) => void store.dispatch(api.endpoints.pauseInterview.initiate(id)),
    showsPaused: (id: string) =>
      api.endpoints.listInterviews.select(undefined)(store.getState()).data?.find((session) => session.id === id)?.status === 'paused',
    refetchAll: () => store.dispatch(api.endpoints.listInterviews.initiate(undefined, { forceRefetch: true })),
    idle,
  }
}

type Client = ReturnType<typeof createOurs> | ReturnType<typeof createPlainRtk>

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
// Until nothing runs, answering every pause the server holds: a client may send its POST a few ticks after the call
// (after reading its token), so the answer is released whenever one is waiting, not only at the call.
async function untilIdle(client: Client, release: () => void) {
  for (let round = 0; round < 2_000; round += 1) {
    release()
    if (client.idle()) return
    await sleep(1)
  }
}

// Idle, then idle again after a moment: revalidation starts once the change has ended.
async function settle(client: Client, release: () => void) {
  await untilIdle(client, release)
  await sleep(2)
  await untilIdle(client, release)
}

/** Active sessions spread through the list (from a tenth of the way down to nine tenths), never near the top. */
function targets(size: number, count: number): number[] {
  const picked: number[] = []
  for (let k = 0; picked.length < count; k += 1) {
    let i = Math.floor(size * (0.1 + (0.8 * k) / count))
    while (i % 10 === 7 || i % 10 === 8) i += 1
    if (!picked.includes(i)) picked.push(i)
  }
  return picked
}

interface Result {
  writeMs: number[]
  landingMs: number[]
}
const results: Record<number, Record<string, Result>> = {}

describe.each(SIZES)('%i sessions, headless', (size) => {
  it.each([
    ['ours', createOurs],
    ['rtkPlain', createPlainRtk],
  ] as const)('%s: optimistic write with a realistic cache, then list landings', async (key, create) => {
    const server = createServer(size)
    server.warm()
    const client = create(server)
    const details = targets(size, DETAILS).map(sessionId)
    await client.prepare(details)
    const writeMs: number[] = []
    for (const i of targets(size, WRITES).reverse()) {
      const id = sessionId(i)
      const t0 = performance.now()
      client.pause(id)
      const t1 = performance.now()
      expect(client.showsPaused(id), `${key} shows ${id} paused at once`).toBe(true)
      writeMs.push(t1 - t0)
      await settle(client, server.release)
      server.warm()
    }
    const landingMs: number[] = []
    for (let run = 0; run < LANDINGS; run += 1) {
      server.touch(run * 7)
      server.warm()
      const t0 = performance.now()
      await client.refetchAll()
      landingMs.push(performance.now() - t0)
    }
    ;(results[size] ??= {})[key] = { writeMs, landingMs }
  }, 600_000)
})

afterAll(() => {
  const dir = process.env.BENCH_OUT_DIR ?? '.bench'
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    `${dir}/cache.json`,
    `${JSON.stringify({ createdAt: new Date().toISOString(), writes: WRITES, landings: LANDINGS, details: DETAILS, results }, null, 2)}\n`,
  )
})
