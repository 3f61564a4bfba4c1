import { renderHook, type RenderHookResult } from '@testing-library/react'
import axios from 'axios'
import {
  createInterviewApi,
  createInterviewStore,
  InterviewKitProvider,
  receiveSession,
  useInterviewControls,
  type InterviewControlsState,
  type InterviewSession,
} from 'interview-session-kit'
import type { ReactNode } from 'react'
import { Provider } from 'react-redux'
import { BASE_URL } from '../support/apiHarness'
import type { RaceServer } from './createRaceServer'
import type { TabChannels } from './fakeBroadcastChannel'
import {
  CLIENT_FAULTS,
  EXPIRED_TOKEN,
  LIST_VARIANTS,
  listArg,
  RACE_SESSIONS,
  RACE_TOKEN,
  requestKeyOf,
  TAB_HEADER,
  TAB_TIMEOUT_MS,
  variantOf,
  type Fault,
  type ListVariant,
  type TabName,
} from './raceSessions'

// The host instance's timeout on a request armed with a `timeout` fault (the server holds every request).
const TIMEOUT_MS = 5

/** The page's controls: `useInterviewControls` for each of the five sessions (a fixed list: the same hooks every render). */
function useRaceControls(): ReadonlyMap<string, InterviewControlsState> {
  const [s1, s2, s3, s4, s5] = RACE_SESSIONS
  const controls = [
    useInterviewControls(s1),
    useInterviewControls(s2),
    useInterviewControls(s3),
    useInterviewControls(s4),
    useInterviewControls(s5),
  ]
  return new Map(RACE_SESSIONS.map((id, i) => [id, controls[i] as InterviewControlsState]))
}

/**
 * One tab of a race run, as a page loads it: its own axios instance (tagging its requests with the tab's name, and
 * applying the client faults armed for it), its own api (cross-tab sync on, the one `reducerPath` of every tab) and
 * store, the detail of each of the five sessions and the three list variants mounted, and a `useInterviewControls`
 * hook per session. Its channel belongs to it (`channels.openAs`).
 */
export async function createRaceTab(name: TabName, server: RaceServer, channels: TabChannels) {
  // Client faults: a timeout armed per request key, and a token fault for the next token read.
  const timeouts = new Map<string, number>()
  const client = { timeoutsInFlight: 0, tokenFault: undefined as Fault | undefined, tokenFaults: 0, timeouts: 0 }
  // A host instance (fetch adapter) whose own `timeout` ends the requests armed with a `timeout` fault.
  const axiosInstance = axios.create({ adapter: 'fetch', headers: { [TAB_HEADER]: name } })
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
    crossTab: true,
    timeoutMs: TAB_TIMEOUT_MS,
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
  const store = channels.openAs(name, () => createInterviewStore({ api }))
  const subscribeAll = () => [
    ...RACE_SESSIONS.map((id) => store.dispatch(api.endpoints.getInterview.initiate(id))),
    ...LIST_VARIANTS.map((variant) => store.dispatch(api.endpoints.listInterviews.initiate(listArg(variant)))),
  ]
  let subscriptions = subscribeAll()
  await Promise.all(subscriptions)

  let hooks: RenderHookResult<ReadonlyMap<string, InterviewControlsState>, unknown> | undefined
  const cachedDetails = () => api.util.selectCachedArgsForQuery(store.getState(), 'getInterview')
  const cachedVariants = () => api.util.selectCachedArgsForQuery(store.getState(), 'listInterviews').map(variantOf)
  // One selector per entry, made once: `select(arg)` builds a new memoized selector on every call.
  const detailSelectors = new Map<string, ReturnType<typeof api.endpoints.getInterview.select>>()
  const listSelectors = new Map(LIST_VARIANTS.map((variant) => [variant, api.endpoints.listInterviews.select(listArg(variant))]))
  const detail = (id: string) => {
    let select = detailSelectors.get(id)
    if (!select) detailSelectors.set(id, (select = api.endpoints.getInterview.select(id)))
    return select(store.getState()).data
  }
  const list = (variant: ListVariant) => listSelectors.get(variant)?.(store.getState()).data

  return {
    name,
    api,
    store,
    client: client as Readonly<typeof client>,
    /** Renders the page's hooks, one `useInterviewControls` per session in one React root. */
    renderHooks() {
      const wrapper = ({ children }: { children?: ReactNode }) => (
        <Provider store={store}>
          <InterviewKitProvider api={api}>{children}</InterviewKitProvider>
        </Provider>
      )
      hooks = renderHook(useRaceControls, { wrapper })
    },
    controls(id: string): InterviewControlsState {
      const controls = hooks?.result.current.get(id)
      if (!controls) throw new Error(`${name}: no hook rendered for ${id}`)
      return controls
    },
    /** What the hooks show once React has rendered the store's current state. */
    renderedControls(): ReadonlyMap<string, InterviewControlsState> {
      hooks?.rerender()
      return hooks?.result.current ?? new Map()
    },
    cachedDetails,
    cachedVariants,
    detail,
    list,
    /** Whether any cache entry holds a copy of the session. */
    holds: (id: string) =>
      cachedDetails().some((arg) => detail(arg)?.id === id) ||
      cachedVariants().some((variant) => list(variant)?.some((session) => session.id === id) ?? false),
    running: () =>
      store.dispatch(api.util.getRunningQueriesThunk()).length + store.dispatch(api.util.getRunningMutationsThunk()).length,
    /** Whether a read of this entry is running: a refetch would join it rather than send a request of its own. */
    isRunning: (target: { detail: string } | { list: ListVariant }) =>
      'detail' in target
        ? store.dispatch(api.util.getRunningQueryThunk('getInterview', target.detail)) !== undefined
        : store.dispatch(api.util.getRunningQueryThunk('listInterviews', listArg(target.list))) !== undefined,
    /** Arms `fault` for the tab's next request with `key` (a token fault: for the next token read). */
    armFault(key: string, fault: Fault) {
      if (fault === 'timeout') timeouts.set(key, (timeouts.get(key) ?? 0) + 1)
      else if (CLIENT_FAULTS.includes(fault)) client.tokenFault = fault
      else server.armFault(name, key, fault)
    },
    /** A token fault applies to the token read of the call just made, or to none (the request did not start yet). */
    endTokenFault() {
      client.tokenFault = undefined
    },
    /** Forgets the faults armed for a session's requests, or all (an abort or a reset may keep them from being sent). */
    dropFaults(id?: string) {
      server.dropFaults(name, id)
      for (const key of [...timeouts.keys()]) if (id === undefined || key.includes(id)) timeouts.delete(key)
    },
    unusedFaults: () => [...timeouts].filter(([, left]) => left > 0).map(([key]) => `timeout for ${name} ${key}`),
    /**
     * `resetApiState` (a logout); then the page's entries subscribe again, as its components do. Returns how many
     * cache entries were left right after the reset (none should be).
     */
    reset(): number {
      store.dispatch(api.util.resetApiState())
      const left = cachedDetails().length + cachedVariants().length
      for (const subscription of subscriptions) subscription.unsubscribe()
      subscriptions = subscribeAll()
      return left
    },
    /**
     * The window regains focus: what the provider does then (`revalidateOnFocus`, on by default), for this tab only
     * (the tabs of a run share one window): the kit's entries are invalidated, so RTK reads the mounted ones again.
     */
    focus() {
      store.dispatch(api.util.invalidateTags(['Interview', 'InterviewList']))
    },
    /** A session the server pushed, as a WebSocket message brings it (parsed JSON). */
    push(session: InterviewSession) {
      return store.dispatch(receiveSession(api, structuredClone(session)))
    },
    /** Reads the cached details of `ids` and every cached list again, at once (a return to the tab). */
    refetch(ids: ReadonlySet<string>) {
      for (const id of cachedDetails().filter((arg) => ids.has(arg.toLowerCase()))) {
        void store.dispatch(api.endpoints.getInterview.initiate(id, { subscribe: false, forceRefetch: true }))
      }
      for (const variant of cachedVariants()) {
        void store.dispatch(api.endpoints.listInterviews.initiate(listArg(variant), { subscribe: false, forceRefetch: true }))
      }
    },
    unmount() {
      hooks?.unmount()
    },
    unsubscribe() {
      for (const subscription of subscriptions) subscription.unsubscribe()
    },
  }
}

export type RaceTab = Awaited<ReturnType<typeof createRaceTab>>
