import { isInterviewApiError, isRetryableError } from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { describe, expect, it } from 'vitest'
import { createHarness, flush, hold, setupMockServer } from '../support/apiHarness'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const posts = () => mock.log.filter((request) => request.method === 'POST')

describe('every request ends', () => {
  it('ends a pause the server never answers as a timeout that offers Retry, then sends the next one', async () => {
    const h = createHarness(mock, { api: { timeoutMs: 60 } })
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    h.scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'hang' } })
    const hung = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(hung.error).toEqual({ kind: 'network', reason: 'timeout', error: 'Request timed out' })
    expect(isInterviewApiError(hung.error) && isRetryableError(hung.error)).toBe(true)
    const again = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(again.data?.status).toBe('paused')
    expect(posts()).toHaveLength(2)
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })

  it('ends a read the server never answers as a timeout, without retrying it', async () => {
    const h = createHarness(mock, { api: { timeoutMs: 60 } })
    h.scenarios.push({ endpoint: 'get', scenario: { kind: 'hang' } })
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind: 'network', reason: 'timeout' })
    expect(h.requests).toHaveLength(1)
  })

  it('waits as long as the server takes when timeoutMs is 0', async () => {
    const h = createHarness(mock, { api: { timeoutMs: 0 } })
    h.scenarios.push({ endpoint: 'get', times: 1, scenario: { kind: 'slow', ms: 120 } })
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.data?.id).toBe(ID)
  })
})

describe('joining a pause in flight', () => {
  it('keeps the joined caller’s pause when the first caller aborts', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    const held = hold('pause', ID)
    h.scenarios.push(held.rule)
    const first = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    const joined = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    first.abort()
    held.open()
    expect((await first).error).toMatchObject({ name: 'AbortError' })
    expect((await joined).data?.status).toBe('paused')
    expect(posts()).toHaveLength(1)
    await h.settle()
    expect(h.detail(ID)?.status).toBe('paused')
  })

  it('never joins a pause whose every caller aborted: the next pause is sent on its own', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    h.scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'hang' } })
    const first = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    first.abort()
    const next = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(next.data?.status).toBe('paused')
    expect(posts()).toHaveLength(2)
  })

  it('sends a pause made right after resetApiState in the same tick, and the old one changes nothing', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    h.scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'hang' } })
    const old = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    h.store.dispatch(h.api.util.resetApiState())
    const fresh = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect((await old).error).toBeDefined()
    expect((await fresh).data?.status).toBe('paused')
    expect(posts()).toHaveLength(2)
  })
})

describe('aborting the latest call', () => {
  it('shows the call still waiting before it, and never sends the aborted one', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    const held = hold('pause', ID)
    h.scenarios.push(held.rule)
    const pause = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    const resume = h.store.dispatch(h.api.endpoints.resumeInterview.initiate(ID))
    await flush()
    expect(h.detail(ID)?.status).toBe('active')
    resume.abort()
    await resume
    expect(h.detail(ID)?.status).toBe('paused')
    held.open()
    expect((await pause).data?.status).toBe('paused')
    await h.settle()
    expect(posts().map((request) => request.path)).toEqual([`/api/interviews/${ID}/pause`])
    expect(h.detail(ID)).toEqual(h.db.get(ID))
  })
})

describe('an outcome that is unknown', () => {
  it('revalidates after an abort of a pause that reached the server, so every entry ends equal to the server', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    const lists = [undefined, 'active', 'paused'] as const
    const subscriptions = lists.map((status) => h.store.dispatch(h.api.endpoints.listInterviews.initiate(status && { status })))
    await Promise.all(subscriptions)
    const detail = h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    // The server makes the change when the request arrives; its answer is held, and the caller gives up first.
    const held = hold('pause', ID)
    h.scenarios.push(held.rule)
    const pause = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    expect(h.db.get(ID)?.status).toBe('paused')
    pause.abort()
    await pause
    held.open()
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
    expect(h.list()?.find((session) => session.id === ID)).toEqual(h.db.get(ID))
    expect(h.list('active')?.some((session) => session.id === ID)).toBe(false)
    expect(h.list('paused')?.find((session) => session.id === ID)).toEqual(h.db.get(ID))
    detail.unsubscribe()
    for (const subscription of subscriptions) subscription.unsubscribe()
  })

  it('revalidates after a pause that timed out while the server made the change', async () => {
    const h = createHarness(mock, { api: { timeoutMs: 60 } })
    const detail = h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await detail
    const held = hold('pause', ID)
    h.scenarios.push(held.rule)
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind: 'network', reason: 'timeout' })
    held.open()
    await h.settle()
    expect(h.detail(ID)).toEqual(h.db.get(ID))
    expect(h.detail(ID)?.status).toBe('paused')
    detail.unsubscribe()
  })
})

describe('logout while a change is in flight', () => {
  it('shows nothing of the previous user afterwards: caches, intents and results are gone', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    const held = hold('pause', ID)
    h.scenarios.push(held.rule)
    const pause = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await flush()
    expect(h.detail(ID)?.status).toBe('paused')
    h.store.dispatch(h.api.util.resetApiState())
    held.open()
    await pause
    await h.settle()
    expect(h.api.util.selectCachedArgsForQuery(h.store.getState(), 'getInterview')).toEqual([])
    expect(h.api.util.selectCachedArgsForQuery(h.store.getState(), 'listInterviews')).toEqual([])
    expect(JSON.stringify(h.store.getState())).not.toContain(ID)
    // The next user's first read is not shaped by the old change.
    const read = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(read.data).toEqual(h.db.get(ID))
  })
})
