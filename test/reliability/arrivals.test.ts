import { createInterviewApi, createInterviewStore, receiveSession, type InterviewSession } from 'interview-session-kit'
import axios from 'axios'
import { DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { afterEach, describe, expect, it } from 'vitest'
import { waitForIdle } from '../../src/testing/waitForIdle'
import { BASE_URL, createHarness, flush, hold, setupMockServer } from '../support/apiHarness'

// A copy of a session that arrives from outside the store's own requests (pushed by the server, or from another tab)
// while a read of the store is in flight: the read may have been answered before the change, so it must not undo it.
const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const CHANNEL = 'interview-session-kit/interviewApi'

const find = (list: InterviewSession[] | undefined) => list?.find((session) => session.id === ID)
const listGets = (from: number) => mock.log.slice(from).filter((r) => r.method === 'GET' && /^\/api\/interviews(\?|$)/.test(r.path))

// Stores that listen on the channel would still hear later tests: each test resets the ones it made.
const stores: { dispatch: (action: { type: string }) => unknown }[] = []
afterEach(() => {
  for (const store of stores.splice(0)) store.dispatch({ type: 'interviewApi/resetApiState' })
})

/** A tab of the app on the harness's mock server, listening to the other tabs. */
function otherTab(timeoutMs?: number) {
  const api = createInterviewApi<string>({
    baseUrl: BASE_URL,
    getAccessToken: () => DEMO_TOKENS.alice,
    retryDelay: () => 5,
    axiosInstance: axios.create(),
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  })
  const store = createInterviewStore({ api })
  stores.push(store)
  return {
    api,
    store,
    detail: () => api.endpoints.getInterview.select(ID)(store.getState()).data,
    list: (status?: 'active' | 'paused') => api.endpoints.listInterviews.select(status ? { status } : undefined)(store.getState()).data,
    idle: () => waitForIdle(store, api, 50),
  }
}

function tabA() {
  const a = createHarness(mock, { api: { crossTab: true } })
  stores.push(a.store)
  return a
}

type Harness = ReturnType<typeof createHarness>
type ListStore = Pick<Harness, 'api' | 'store'>

/**
 * A refetch of the `status` list of `tab` that the server answers now (before what the test does next) and that is
 * heard only when `land()` is called.
 */
async function listReadInFlight(server: Harness, tab: ListStore, status: 'active' | 'paused') {
  const held = hold('list')
  server.scenarios.push(held.rule)
  const refetch = tab.store.dispatch(tab.api.endpoints.listInterviews.initiate({ status }, { forceRefetch: true }))
  await flush()
  return {
    async land() {
      held.open()
      await refetch
    },
  }
}

/** A timestamp of one-second precision, a second after the session's own. */
const oneSecondLater = (h: Harness) =>
  new Date(Date.parse((h.db.get(ID) as InterviewSession).updatedAt) + 1_000).toISOString().replace(/\.\d+Z$/, 'Z')

/** The server pauses the session, and pushes its copy to `h`'s store. */
function pushPause(h: Harness): InterviewSession {
  const paused = h.db.update(ID, { status: 'paused' }) as InterviewSession
  h.store.dispatch(receiveSession(h.api, paused))
  return paused
}

describe('a pushed copy and a read in flight', () => {
  it('keeps a session out of a list it left when a read of that list answered before the change', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    const read = await listReadInFlight(h, h, 'active')
    pushPause(h)
    expect(find(h.list('active'))).toBeUndefined()
    await read.land()
    await h.settle()
    expect(find(h.list('active'))).toBeUndefined()
  })

  it('keeps a pushed session in a list it joined when a read of that list answered before the change', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'paused' }))
    const read = await listReadInFlight(h, h, 'paused')
    expect(find(h.list('paused'))).toBeUndefined()
    const paused = pushPause(h)
    expect(find(h.list('paused'))).toEqual(paused)
    await read.land()
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
    expect(find(h.list('paused'))).toEqual(h.db.get(ID))
  })

  it('reads nothing again for a pushed copy the store holds already, even with its own list refetches running', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    for (const status of [undefined, 'active', 'paused'] as const) {
      await h.store.dispatch(h.api.endpoints.listInterviews.initiate(status ? { status } : undefined))
    }
    const held = hold('list')
    h.scenarios.push(held.rule)
    const start = mock.log.length
    const confirmed = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID)).unwrap()
    await flush()
    // The pause's own revalidation of the three lists is running when the server pushes the same change.
    expect(listGets(start)).toHaveLength(3)
    h.store.dispatch(receiveSession(h.api, confirmed))
    held.open()
    await h.settle()
    expect(listGets(start)).toHaveLength(3)
  })

  it('reads again only the list in flight when a pushed copy changes what the caches show', async () => {
    const h = createHarness(mock)
    for (const status of [undefined, 'active', 'paused'] as const) {
      await h.store.dispatch(h.api.endpoints.listInterviews.initiate(status ? { status } : undefined))
    }
    const read = await listReadInFlight(h, h, 'active')
    const start = mock.log.length
    pushPause(h)
    await read.land()
    await h.settle()
    expect(listGets(start).map((request) => request.path)).toEqual(['/api/interviews?status=active'])
  })

  it('does not bring a session back into a list it left when an older copy of it is pushed afterwards', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    const before = h.db.get(ID) as InterviewSession
    // The pause takes the session out of the only entry that held it.
    await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await h.settle()
    // A push sent before the pause, delivered after its answer.
    h.store.dispatch(receiveSession(h.api, before))
    await h.settle()
    expect(h.db.get(ID)?.status).toBe('paused')
    expect(find(h.list('active'))).toBeUndefined()
  })

  it('keeps a pushed copy of a session whose first read answered before the change', async () => {
    const h = createHarness(mock)
    const held = hold('get', ID)
    h.scenarios.push(held.rule)
    const read = h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await flush()
    pushPause(h)
    held.open()
    await read
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })
})

describe("another tab's change and a read in flight", () => {
  it('keeps the session in a list it joined when a read of that list answered before the change', async () => {
    const a = tabA()
    await a.store.dispatch(a.api.endpoints.getInterview.initiate(ID))
    const b = otherTab()
    await b.store.dispatch(b.api.endpoints.getInterview.initiate(ID))
    await b.store.dispatch(b.api.endpoints.listInterviews.initiate({ status: 'paused' }))
    const read = await listReadInFlight(a, b, 'paused')
    await a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))
    await a.settle()
    await expect.poll(() => find(b.list('paused'))?.status).toBe('paused')
    await read.land()
    await b.idle()
    expect(b.detail()).toEqual(a.db.get(ID))
    expect(find(b.list('paused'))).toEqual(a.db.get(ID))
  })

  it('keeps the session out of a list it left when a read of that list answered before the change', async () => {
    const a = tabA()
    await a.store.dispatch(a.api.endpoints.getInterview.initiate(ID))
    const b = otherTab()
    await b.store.dispatch(b.api.endpoints.listInterviews.initiate({ status: 'active' }))
    const read = await listReadInFlight(a, b, 'active')
    await a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))
    await a.settle()
    await expect.poll(() => find(b.list('active'))).toBeUndefined()
    await read.land()
    await b.idle()
    expect(a.db.get(ID)?.status).toBe('paused')
    expect(find(b.list('active'))).toBeUndefined()
  })

  it("takes the other tab's copy of a session whose first read here answered before the change", async () => {
    const a = tabA()
    await a.store.dispatch(a.api.endpoints.getInterview.initiate(ID))
    const b = otherTab()
    const held = hold('get', ID)
    a.scenarios.push(held.rule)
    const read = b.store.dispatch(b.api.endpoints.getInterview.initiate(ID))
    await flush()
    await a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))
    await a.settle()
    await new Promise((resolve) => setTimeout(resolve, 50))
    held.open()
    await read
    await b.idle()
    expect(b.detail()).toEqual(a.db.get(ID))
  })
})

/** Lets the messages posted on `raw` reach tab `b` and what they start settle, then closes `raw`. */
async function heardOut(b: ReturnType<typeof otherTab>, raw: BroadcastChannel) {
  await new Promise((resolve) => setTimeout(resolve, 100))
  await b.idle()
  raw.close()
}

/**
 * Tab `b` (timeout 100 ms) shows a pause another tab began (its end not come yet), then is reset and reads the
 * session again.
 */
async function resetWhileShowingOtherTabsPause() {
  const h = createHarness(mock)
  const b = otherTab(100)
  await b.store.dispatch(b.api.endpoints.getInterview.initiate(ID))
  const raw = new BroadcastChannel(CHANNEL)
  raw.postMessage({ v: 1, from: 'tab-y', type: 'begin', key: ID, call: 1, action: 'pause' })
  await expect.poll(() => b.detail()?.status).toBe('paused')
  b.store.dispatch(b.api.util.resetApiState())
  await b.store.dispatch(b.api.endpoints.getInterview.initiate(ID))
  return { h, b, raw }
}

describe("another tab's messages", () => {
  it('keeps the later of two changes made within one second when an earlier end is delivered again', async () => {
    const h = createHarness(mock)
    const b = otherTab()
    await b.store.dispatch(b.api.endpoints.getInterview.initiate(ID))
    const base = h.db.get(ID) as InterviewSession
    // Timestamps of one-second precision: the pause and the resume have the same `updatedAt`.
    const at = oneSecondLater(h)
    const paused = { ...base, status: 'paused', updatedAt: at }
    const active = h.db.update(ID, { status: 'active', updatedAt: at }) as InterviewSession
    const raw = new BroadcastChannel(CHANNEL)
    raw.postMessage({ v: 1, from: 'tab-x', type: 'begin', key: ID, call: 1, action: 'pause' })
    raw.postMessage({ v: 1, from: 'tab-x', type: 'end', key: ID, calls: [1], copy: paused })
    raw.postMessage({ v: 1, from: 'tab-x', type: 'begin', key: ID, call: 2, action: 'resume' })
    raw.postMessage({ v: 1, from: 'tab-x', type: 'end', key: ID, calls: [2], copy: active })
    await expect.poll(() => b.detail()).toEqual(active)
    // Repeated, and out of order: the end of the pause once more.
    raw.postMessage({ v: 1, from: 'tab-x', type: 'end', key: ID, calls: [1], copy: paused })
    await heardOut(b, raw)
    expect(b.detail()).toEqual(active)
  })

  it('keeps a newer read when the latest end of another tab is delivered again (one-second timestamps)', async () => {
    const h = createHarness(mock)
    const b = otherTab()
    await b.store.dispatch(b.api.endpoints.getInterview.initiate(ID))
    const at = oneSecondLater(h)
    const paused = h.db.update(ID, { status: 'paused', updatedAt: at }) as InterviewSession
    const raw = new BroadcastChannel(CHANNEL)
    raw.postMessage({ v: 1, from: 'tab-x', type: 'begin', key: ID, call: 1, action: 'pause' })
    raw.postMessage({ v: 1, from: 'tab-x', type: 'end', key: ID, calls: [1], copy: paused })
    await expect.poll(() => b.detail()).toEqual(paused)
    // Another device resumes within the same second, and this tab reads that.
    const active = h.db.update(ID, { status: 'active', updatedAt: at }) as InterviewSession
    await b.store.dispatch(b.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    expect(b.detail()).toEqual(active)
    raw.postMessage({ v: 1, from: 'tab-x', type: 'end', key: ID, calls: [1], copy: paused })
    await heardOut(b, raw)
    expect(b.detail()).toEqual(active)
  })

  it('does not read again a change of another tab, shown before a reset, whose end came after it', async () => {
    const { h, b, raw } = await resetWhileShowingOtherTabsPause()
    const paused = h.db.update(ID, { status: 'paused' }) as InterviewSession
    raw.postMessage({ v: 1, from: 'tab-y', type: 'end', key: ID, calls: [1], copy: paused })
    await expect.poll(() => b.detail()).toEqual(paused)
    await b.idle()
    const start = mock.log.length
    // Past the expiry of the change (100 ms + 1 s).
    await new Promise((resolve) => setTimeout(resolve, 1_400))
    await b.idle()
    raw.close()
    expect(mock.log.slice(start)).toEqual([])
  })

  it('still reads the session again when a change of another tab, shown before a reset, never ends', async () => {
    const { h, b, raw } = await resetWhileShowingOtherTabsPause()
    expect(b.detail()?.status).toBe('active')
    // The other tab's request reaches the server late, and that tab closes before its end is sent.
    h.db.update(ID, { status: 'paused' })
    await expect.poll(() => b.detail(), { timeout: 3_000 }).toEqual(h.db.get(ID))
    raw.close()
  })
})
