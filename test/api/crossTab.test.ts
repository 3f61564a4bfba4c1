import { createInterviewApi, createInterviewStore, type CreateInterviewApiOptions } from 'interview-session-kit'
import axios from 'axios'
import { DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { waitForIdle } from '../../src/testing/waitForIdle'
import { BASE_URL, createHarness, gate, hold, setupMockServer } from '../support/apiHarness'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const LISTS = [undefined, { status: 'active' as const }, { status: 'paused' as const }]

// Stores of earlier tests would still hear this test's tabs: every test resets the stores it made.
const stores: { dispatch: (action: { type: string }) => unknown }[] = []
afterEach(() => {
  vi.restoreAllMocks()
  for (const store of stores.splice(0)) store.dispatch({ type: 'interviewApi/resetApiState' })
})

/**
 * A second tab: its own api and store (as another tab loads its own), on the same mock server, through an axios
 * instance of its own that counts the requests this tab sends.
 */
function otherTab(options: Partial<CreateInterviewApiOptions<string>> = {}) {
  const sent: string[] = []
  const axiosInstance = axios.create()
  axiosInstance.interceptors.request.use((config) => {
    sent.push(`${config.method?.toUpperCase()} ${config.url}`)
    return config
  })
  const api = createInterviewApi({ baseUrl: BASE_URL, getAccessToken: () => DEMO_TOKENS.alice, retryDelay: () => 5, axiosInstance, ...options })
  const store = createInterviewStore({ api })
  stores.push(store)
  const detail = (id: string) => api.endpoints.getInterview.select(id)(store.getState()).data
  const list = (status?: 'active' | 'paused') => api.endpoints.listInterviews.select(status ? { status } : undefined)(store.getState()).data
  return { api, store, detail, list, sent }
}

function tabA() {
  const a = createHarness(mock, { api: { crossTab: true } })
  stores.push(a.store)
  return a
}

async function load(tab: { api: ReturnType<typeof otherTab>['api']; store: ReturnType<typeof otherTab>['store'] }, ids: string[]) {
  await Promise.all([
    ...ids.map((id) => tab.store.dispatch(tab.api.endpoints.getInterview.initiate(id))),
    ...LISTS.map((arg) => tab.store.dispatch(tab.api.endpoints.listInterviews.initiate(arg))),
  ])
}

describe('two tabs of one app', () => {
  it('show a pause made in one tab in the other at once, with no request of the other, then the confirmed copy', async () => {
    const a = tabA()
    await load(a, [ID])
    const b = otherTab()
    await load(b, [ID])
    const before = mock.log.length
    // Its own loads went through its counter.
    const sentByB = b.sent.length
    expect(sentByB).toBe(1 + LISTS.length)
    const held = hold('pause', ID)
    a.scenarios.push(held.rule)
    const pause = a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))
    await expect.poll(() => b.detail(ID)?.status).toBe('paused')
    expect(b.list('active')?.some((session) => session.id === ID)).toBe(false)
    expect(b.list('paused')?.some((session) => session.id === ID)).toBe(true)
    expect(mock.log.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([`POST /api/interviews/${ID}/pause`])
    held.open()
    await pause
    await a.settle()
    await expect.poll(() => b.detail(ID)).toEqual(a.db.get(ID))
    expect(b.list()?.find((session) => session.id === ID)).toEqual(a.db.get(ID))
    // Tab A revalidated its lists; tab B sent nothing for the change.
    expect(b.sent.slice(sentByB)).toEqual([])
  })

  it('go back to the newest server copy in the other tab when the change fails', async () => {
    const a = tabA()
    await load(a, [ID])
    const b = otherTab()
    await load(b, [ID])
    // The server fails the pause, once the test lets it answer.
    const answer = gate()
    mock.server.use(
      http.post(`${BASE_URL}/interviews/:id/pause`, async () => {
        await answer.promise
        return HttpResponse.json({ error: 'Internal server error' }, { status: 500 })
      }, { once: true }),
    )
    const pause = a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))
    await expect.poll(() => b.detail(ID)?.status).toBe('paused')
    answer.open()
    expect((await pause).error).toMatchObject({ kind: 'server' })
    await expect.poll(() => b.detail(ID)?.status).toBe('active')
    expect(b.detail(ID)).toEqual(a.db.get(ID))
    expect(b.list('active')?.some((session) => session.id === ID)).toBe(true)
    expect(b.list('paused')?.some((session) => session.id === ID)).toBe(false)
  })

  it('read the session and lists again in the other tab when the outcome of the change is unknown', async () => {
    const a = tabA()
    await load(a, [ID])
    const b = otherTab()
    await load(b, [ID])
    // The server makes the change, then fails its answer: a 5xx leaves the outcome unknown to both tabs.
    mock.server.use(
      http.post(`${BASE_URL}/interviews/:id/pause`, () => {
        a.db.update(ID, { status: 'paused', updatedAt: new Date(Date.now() + 1_000).toISOString() })
        return HttpResponse.json({ error: 'Internal server error' }, { status: 500 })
      }, { once: true }),
    )
    expect((await a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))).error).toMatchObject({ kind: 'server' })
    await a.settle()
    expect(a.detail(ID)).toEqual(a.db.get(ID))
    await expect.poll(() => b.detail(ID)).toEqual(a.db.get(ID))
    await waitForIdle(b.store, b.api)
    expect(b.detail(ID)).toEqual(a.db.get(ID))
    expect(b.list()?.find((session) => session.id === ID)).toEqual(a.db.get(ID))
    expect(b.list('paused')?.find((session) => session.id === ID)).toEqual(a.db.get(ID))
    expect(b.list('active')?.some((session) => session.id === ID)).toBe(false)
  })

  it('never give a session to a tab that does not hold it (another user): its lists are read again instead', async () => {
    const a = tabA()
    await load(a, [ID])
    const bob = otherTab({ getAccessToken: () => DEMO_TOKENS.bob })
    await load(bob, [DEMO_SESSION_IDS.bobActive])
    const listGets = () => mock.log.filter((request) => request.method === 'GET' && request.authorization === `Bearer ${DEMO_TOKENS.bob}`).length
    const before = listGets()
    // Never, not even for a moment: checked on every change of Bob's store.
    let leaked = false
    const unsubscribe = bob.store.subscribe(() => {
      leaked ||= JSON.stringify(bob.store.getState()).includes(ID)
    })
    await a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))
    await a.settle()
    await expect.poll(listGets).toBeGreaterThan(before)
    await waitForIdle(bob.store, bob.api)
    unsubscribe()
    expect(leaked).toBe(false)
    expect(JSON.stringify(bob.store.getState())).not.toContain(ID)
  })

  it('send only the change and the server’s copy: never a token, never state', async () => {
    const posted: unknown[] = []
    const original = BroadcastChannel.prototype.postMessage
    vi.spyOn(BroadcastChannel.prototype, 'postMessage').mockImplementation(function (this: BroadcastChannel, message: unknown) {
      posted.push(message)
      original.call(this, message)
    })
    const a = tabA()
    await load(a, [ID])
    const paused = await a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))
    await a.store.dispatch(a.api.endpoints.resumeInterview.initiate(ID))
    expect(posted.length).toBe(4)
    // The pause's end carries the server's confirmed copy, as the pause returned it.
    const ends = posted.filter((message) => (message as { type?: string }).type === 'end') as { copy?: unknown }[]
    expect(ends).toHaveLength(2)
    expect(ends[0]?.copy).toEqual(paused.data)
    for (const message of posted) {
      expect(JSON.stringify(message)).not.toContain(DEMO_TOKENS.alice)
      expect(Object.keys(message as object).sort()).toEqual(
        expect.arrayContaining(['from', 'key', 'type', 'v']),
      )
      expect(Object.keys(message as object).every((key) => ['v', 'from', 'type', 'key', 'call', 'action', 'calls', 'copy'].includes(key))).toBe(true)
    }
  })

  it('stay apart with crossTab: false', async () => {
    const a = createHarness(mock, { api: { crossTab: false } })
    await load(a, [ID])
    const b = otherTab({ crossTab: false })
    await load(b, [ID])
    await a.store.dispatch(a.api.endpoints.pauseInterview.initiate(ID))
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(b.detail(ID)?.status).toBe('active')
  })

  it('ignore a message that ended before it began, and stop showing a change whose end never comes', async () => {
    const b = otherTab({ timeoutMs: 100 })
    const a = tabA()
    await load(b, [ID])
    const raw = new BroadcastChannel('interview-session-kit/interviewApi')
    // Out of order: the end first, then its begin (to be ignored).
    raw.postMessage({ v: 1, from: 'tab-x', type: 'end', key: ID, calls: [1] })
    raw.postMessage({ v: 1, from: 'tab-x', type: 'begin', key: ID, call: 1, action: 'pause' })
    // Malformed messages about the session it holds change nothing.
    raw.postMessage({ v: 2, from: 'tab-x', type: 'begin', key: ID, call: 2, action: 'pause' })
    raw.postMessage({ v: 1, from: 'tab-x', type: 'begin', key: ID, call: '3', action: 'pause' })
    raw.postMessage({ v: 1, from: 'tab-x', type: 'begin', key: ID, call: 4, action: 'delete' })
    raw.postMessage({ v: 1, type: 'begin', key: ID, call: 5, action: 'pause' })
    raw.postMessage('pause everything')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(b.detail(ID)?.status).toBe('active')
    // A begin whose tab closed before its end: shown, then dropped once its request would have timed out.
    raw.postMessage({ v: 1, from: 'tab-y', type: 'begin', key: ID, call: 1, action: 'pause' })
    await expect.poll(() => b.detail(ID)?.status).toBe('paused')
    await expect.poll(() => b.detail(ID)?.status, { timeout: 3_000 }).toBe('active')
    raw.close()
    expect(a.db.get(ID)?.status).toBe('active')
  })

  it('read the lists again when a change whose end never comes expires in a tab that holds the session only in lists', async () => {
    const b = otherTab({ timeoutMs: 100 })
    const a = tabA()
    // No detail entry: only the lists hold the session, so reading the session again would correct nothing.
    await Promise.all(LISTS.map((arg) => b.store.dispatch(b.api.endpoints.listInterviews.initiate(arg))))
    const raw = new BroadcastChannel('interview-session-kit/interviewApi')
    // Another tab paused it on the server, and closed before its end reached this tab.
    const paused = a.db.update(ID, { status: 'paused', updatedAt: new Date(Date.now() + 1_000).toISOString() })
    raw.postMessage({ v: 1, from: 'tab-z', type: 'begin', key: ID, call: 1, action: 'pause' })
    await expect.poll(() => b.list('paused')?.some((session) => session.id === ID)).toBe(true)
    // Once the change expires, the lists show what the server holds, not the copy from before the change.
    await expect.poll(() => b.list()?.find((session) => session.id === ID), { timeout: 3_000 }).toEqual(paused)
    expect(b.list('paused')?.find((session) => session.id === ID)).toEqual(paused)
    expect(b.list('active')?.some((session) => session.id === ID)).toBe(false)
    raw.close()
  })
})
