import { act, renderHook, type RenderHookResult } from '@testing-library/react'
import axios from 'axios'
import type { Scheduler } from 'fast-check'
import {
  createInterviewApi,
  createInterviewStore,
  InterviewKitProvider,
  useInterviewControls,
  type InterviewControlsState,
} from 'interview-session-kit'
import type { ReactNode } from 'react'
import { Provider } from 'react-redux'
import { expect } from 'vitest'
import { BASE_URL, type setupMockServer } from '../support/apiHarness'
import { createRaceServer } from './createRaceServer'
import { createRaceInvariants } from './raceInvariants'
import {
  CLIENT_FAULTS,
  EXPIRED_TOKEN,
  LIST_VARIANTS,
  listArg,
  RACE_SESSIONS,
  RACE_TOKEN,
  requestKeyOf,
  sessionName,
  variantOf,
  type Fault,
  type Intent,
  type ListVariant,
} from './raceSessions'

// How many event-loop turns in a row nothing may move before the system counts as quiet.
const QUIET_ROUNDS = 2
// The host instance's timeout on a request armed with a `timeout` fault (the server holds every request).
const TIMEOUT_MS = 5

const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve))
const clockTick = () => new Promise<void>((resolve) => setTimeout(resolve, 1))

/**
 * One run of the race model: the race server (fresh db, every request parked on the scheduler), an api and store
 * with the detail of each of the five sessions and the three list variants mounted, and a `useInterviewControls`
 * hook per session. Time only moves when the scheduler releases a request; in between, the harness waits until the
 * client and the server are quiet, so a run is the same for its seed, and checks the invariants.
 */
export async function createRaceHarness(mock: ReturnType<typeof setupMockServer>, scheduler: Scheduler) {
  const server = createRaceServer(mock, scheduler)
  const { db, counters } = server
  const calls = { open: 0, settled: 0, intentChecks: 0 }

  // Client faults: a timeout armed per request key, and a token fault for the next token read.
  const timeouts = new Map<string, number>()
  const client = { timeoutsInFlight: 0, tokenFault: undefined as Fault | undefined, tokenFaults: 0, timeouts: 0, resets: 0 }
  // A host instance (fetch adapter) whose own `timeout` ends the requests armed with a `timeout` fault.
  const axiosInstance = axios.create({ adapter: 'fetch' })
  axiosInstance.interceptors.request.use((config) => {
    const key = requestKeyOf(config.method ?? 'get', config.url ?? '', config.params)
    const left = timeouts.get(key) ?? 0
    if (left > 0) {
      timeouts.set(key, left - 1)
      client.timeoutsInFlight += 1
      client.timeouts += 1
      return { ...config, timeout: TIMEOUT_MS, raceTimeout: true }
    }
    return config
  })
  const timedOut = (config: unknown) => {
    if ((config as { raceTimeout?: boolean } | undefined)?.raceTimeout) client.timeoutsInFlight -= 1
  }
  axiosInstance.interceptors.response.use(
    (response) => {
      timedOut(response.config)
      return response
    },
    (error: unknown) => {
      timedOut((error as { config?: unknown }).config)
      throw error
    },
  )
  const api = createInterviewApi({
    baseUrl: BASE_URL,
    axiosInstance,
    retryDelay: () => 0,
    crossTab: false,
    getAccessToken: () => {
      const fault = client.tokenFault
      client.tokenFault = undefined
      if (fault) client.tokenFaults += 1
      if (fault === 'noToken') throw new Error('token store unavailable (race fault)')
      return fault === 'expiredToken' ? EXPIRED_TOKEN : RACE_TOKEN
    },
    onUnauthorized: () => {
      throw new Error('router not ready (race fault)')
    },
  })
  const store = createInterviewStore({ api })
  const subscribeAll = () => [
    ...RACE_SESSIONS.map((id) => store.dispatch(api.endpoints.getInterview.initiate(id))),
    ...LIST_VARIANTS.map((variant) => store.dispatch(api.endpoints.listInterviews.initiate(listArg(variant)))),
  ]
  let subscriptions = subscribeAll()
  await Promise.all(subscriptions)

  const wrapper = ({ children }: { children?: ReactNode }) => (
    <Provider store={store}>
      <InterviewKitProvider api={api}>{children}</InterviewKitProvider>
    </Provider>
  )
  const hooks = new Map<string, RenderHookResult<InterviewControlsState, unknown>>(
    RACE_SESSIONS.map((id) => [id, renderHook(() => useInterviewControls(id), { wrapper })]),
  )
  server.state.gated = true

  const cachedDetails = () => api.util.selectCachedArgsForQuery(store.getState(), 'getInterview')
  const cachedVariants = () => api.util.selectCachedArgsForQuery(store.getState(), 'listInterviews').map(variantOf)
  const invariants = createRaceInvariants(server, {
    detail: (id) => api.endpoints.getInterview.select(id)(store.getState()).data,
    list: (variant) => api.endpoints.listInterviews.select(listArg(variant))(store.getState()).data,
    cachedDetails,
    cachedVariants,
  })
  const { fail } = invariants
  const checkInFlight = (intents: ReadonlyMap<string, Intent>) => {
    calls.intentChecks += invariants.checkInFlight(intents)
  }
  const running = () =>
    store.dispatch(api.util.getRunningQueriesThunk()).length + store.dispatch(api.util.getRunningMutationsThunk()).length

  const signature = () => [
    store.getState(),
    counters.started,
    counters.ended,
    counters.atServer,
    scheduler.count(),
    calls.settled,
    client.timeoutsInFlight,
  ]

  /** Lets the client and the server run until neither moves: every request is parked on the scheduler or done. */
  async function quiesce() {
    let last = signature()
    let still = 0
    for (let round = 0; round < 1000; round += 1) {
      // A request armed with a timeout ends by the clock: wait for it (in clock time), so runs stay the same for
      // their seed.
      await (client.timeoutsInFlight > 0 ? clockTick() : macrotask())
      const next = signature()
      if (client.timeoutsInFlight === 0 && next.every((value, index) => value === last[index])) {
        still += 1
        if (still === QUIET_ROUNDS) return
      } else {
        still = 0
        last = next
      }
    }
    fail('the client and server never went quiet')
  }

  /** Releases everything, including the revalidations the library starts, until nothing runs. */
  async function drain(intents: ReadonlyMap<string, Intent>) {
    for (let round = 0; round < 10_000; round += 1) {
      await quiesce()
      checkInFlight(intents)
      if (scheduler.count() > 0) {
        await scheduler.waitNext(1)
        continue
      }
      if (running() === 0 && counters.atServer === 0 && calls.open === 0) return
      fail(`stuck: ${running()} requests running, ${calls.open} calls open, nothing left to release`)
    }
    fail('never drained')
  }

  return {
    db,
    api,
    store,
    trace: server.trace,
    /** Requests sent, faults applied, checks made with an intent open. */
    stats: () => ({
      requests: counters.started,
      faults: counters.faults,
      timeouts: client.timeouts,
      tokenFaults: client.tokenFaults,
      resets: client.resets,
      intentChecks: calls.intentChecks,
    }),
    /** Arms `fault` for the next request with `key` (a token fault: for the next token read, see `endTokenFault`). */
    armFault(key: string, fault: Fault) {
      if (fault === 'timeout') timeouts.set(key, (timeouts.get(key) ?? 0) + 1)
      else if (CLIENT_FAULTS.includes(fault)) client.tokenFault = fault
      else server.armFault(key, fault)
    },
    /** A token fault applies to the token read of the call just made, or to none (the request did not start yet). */
    endTokenFault() {
      client.tokenFault = undefined
    },
    /** Forgets the faults armed for a session's requests, or all (an abort or a reset may keep them from being sent). */
    dropFaults(id?: string) {
      server.dropFaults(id)
      for (const key of [...timeouts.keys()]) if (id === undefined || key.includes(id)) timeouts.delete(key)
    },
    otherTab: server.otherTab,
    controls: (id: string): InterviewControlsState => {
      const hook = hooks.get(id)
      if (!hook) throw new Error(`no hook rendered for ${id}`)
      return hook.result.current
    },
    /** Counts a pause/resume call as open until it settles (the quiet check waits for it). */
    track(call: PromiseLike<unknown>, settled: () => void) {
      calls.open += 1
      const done = () => {
        calls.open -= 1
        calls.settled += 1
        settled()
      }
      call.then(done, done)
    },
    /** Whether a read of this entry is running: a refetch would join it rather than send a request of its own. */
    isRunning: (target: { detail: string } | { list: ListVariant }) =>
      'detail' in target
        ? store.dispatch(api.util.getRunningQueryThunk('getInterview', target.detail)) !== undefined
        : store.dispatch(api.util.getRunningQueryThunk('listInterviews', listArg(target.list))) !== undefined,
    /** Counts requests sent so far (a call with an invalid id must send none). */
    requestsSent: () => counters.started,
    step: async (intents: ReadonlyMap<string, Intent>) => {
      await quiesce()
      checkInFlight(intents)
    },
    /**
     * `resetApiState` (a logout): afterwards nothing of what was cached shows, in the caches or the hooks; then the
     * page's entries subscribe again, as its components do.
     */
    async reset(intents: ReadonlyMap<string, Intent>) {
      store.dispatch(api.util.resetApiState())
      client.resets += 1
      if (cachedDetails().length > 0 || cachedVariants().length > 0) fail('reset: cache entries remain')
      invariants.forgetEntries()
      for (const subscription of subscriptions) subscription.unsubscribe()
      subscriptions = subscribeAll()
      await quiesce()
      checkInFlight(intents)
    },
    /** Releases up to `count` parked requests one at a time, in the order the scheduler picks, checking after each. */
    async deliver(count: number, intents: ReadonlyMap<string, Intent>) {
      for (let i = 0; i < count && scheduler.count() > 0; i += 1) {
        await scheduler.waitNext(1)
        await quiesce()
        checkInFlight(intents)
      }
    },
    /**
     * Drains and checks the settled invariants. When a session was last changed in another tab, nothing in the run
     * read it again for sure: then every cache entry is refetched once (a return to the tab) and checked exact.
     */
    async finish(intents: ReadonlyMap<string, Intent>) {
      await drain(intents)
      invariants.checkSettled(intents, [...timeouts].filter(([, left]) => left > 0).map(([key]) => `timeout for ${key}`))
      if (server.dirty.size === 0) return
      server.clearFaults()
      // The return to the tab is not part of the race: its reads go straight through.
      server.state.gated = false
      for (const id of cachedDetails()) {
        void store.dispatch(api.endpoints.getInterview.initiate(id, { subscribe: false, forceRefetch: true }))
      }
      for (const variant of cachedVariants()) {
        void store.dispatch(api.endpoints.listInterviews.initiate(listArg(variant), { subscribe: false, forceRefetch: true }))
      }
      await drain(intents)
      invariants.checkExact()
    },
    /** What `useInterviewControls` shows once React has rendered the final store state. */
    checkHooks() {
      for (const [id, hook] of hooks) {
        hook.rerender()
        const controls = hook.result.current
        expect(controls.status, `useInterviewControls(${sessionName(id)}).status`).toBe(db.get(id)?.status)
        expect(controls.isPending, `useInterviewControls(${sessionName(id)}).isPending`).toBe(false)
      }
    },
    /** Unmounts, lets whatever a failed run left parked finish ungated, and stops listening. */
    async dispose() {
      for (const hook of hooks.values()) hook.unmount()
      server.state.gated = false
      await act(async () => {
        for (let round = 0; round < 1000; round += 1) {
          while (scheduler.count() > 0) await scheduler.waitNext(1)
          for (let i = 0; i < 5; i += 1) await macrotask()
          if (running() === 0 && scheduler.count() === 0 && counters.atServer === 0) break
        }
      })
      for (const subscription of subscriptions) subscription.unsubscribe()
      server.stopListening()
    },
  }
}

export type RaceHarness = Awaited<ReturnType<typeof createRaceHarness>>
