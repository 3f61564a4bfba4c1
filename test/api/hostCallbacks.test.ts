import { createInterviewApi, createInterviewStore, isInterviewApiError, type InterviewApiError } from 'interview-session-kit'
import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { BASE_URL, createHarness, setupMockServer } from '../support/apiHarness'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const posts = () => mock.log.filter((request) => request.method === 'POST')

afterEach(() => {
  vi.restoreAllMocks()
})

describe('a host onUnauthorized that throws', () => {
  it('ends the pause with one request and an unauthorized value, calls it once per burst and reports it once', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const calls: InterviewApiError[] = []
    const h = createHarness(mock, {
      token: 'expired-token',
      api: {
        onUnauthorized: (error) => {
          calls.push(error)
          throw new Error('router not ready')
        },
      },
    })
    const results = await Promise.all([
      h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID)),
      h.store.dispatch(h.api.endpoints.getInterview.initiate(ID)),
      h.store.dispatch(h.api.endpoints.listInterviews.initiate()),
    ])
    for (const result of results) {
      expect(result.error).toEqual({ kind: 'unauthorized', status: 401, error: 'Unauthorized' })
      expect(isInterviewApiError(result.error)).toBe(true)
    }
    expect(posts()).toHaveLength(1)
    expect(h.requests).toHaveLength(3)
    expect(calls).toHaveLength(1)
    const reports = consoleError.mock.calls.filter(([message]) => String(message).includes('onUnauthorized failed'))
    expect(reports).toHaveLength(1)
    expect(reports[0]?.[1]).toMatchObject({ message: 'router not ready' })
    await h.settle()
    expect(JSON.stringify(h.store.getState())).not.toContain('router not ready')
  })
})

describe('a host getAccessToken that fails', () => {
  it.each([
    ['throws', () => {
      throw new Error('token store unavailable')
    }],
    ['rejects', () => Promise.reject(new Error('token store unavailable'))],
    ['returns a number', () => 42 as unknown as string],
    ['returns an object', () => ({ token: 'x' }) as unknown as string],
  ])('%s: the pause sends nothing, ends as unauthorized, and the failure is reported once', async (_name, getter) => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
    const h = createHarness(mock, { api: { getAccessToken: getter } })
    const results = await Promise.all(
      Array.from({ length: 3 }, () => h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))),
    )
    for (const result of results) expect(result.error).toEqual({ kind: 'unauthorized', error: 'No access token' })
    expect(h.requests).toHaveLength(0)
    expect(h.unauthorized).toHaveLength(1)
    expect(consoleError.mock.calls.filter(([message]) => String(message).includes('getAccessToken failed'))).toHaveLength(1)
    expect(h.detail(ID)).toBeUndefined()
    expect(h.db.get(ID)?.status).toBe('active')
  })

  it('that never settles: the request times out as a network error, and the next pause is sent', async () => {
    let tokenReady = false
    const h = createHarness(mock, {
      api: {
        timeoutMs: 50,
        getAccessToken: () => (tokenReady ? DEMO_TOKENS.alice : new Promise<string>(() => {})),
      },
    })
    const stuck = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(stuck.error).toEqual({ kind: 'network', reason: 'timeout', error: 'Request timed out' })
    expect(h.requests).toHaveLength(0)
    tokenReady = true
    const next = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(next.data?.status).toBe('paused')
    expect(posts()).toHaveLength(1)
  })

  it('that never settles: aborting the pause frees the session, and a resume queued behind it is sent', async () => {
    const pending = new Promise<string>(() => {})
    let wait = false
    const h = createHarness(mock, { api: { timeoutMs: 0, getAccessToken: () => (wait ? pending : DEMO_TOKENS.alice) } })
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    wait = true
    const first = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    wait = false
    const resume = h.store.dispatch(h.api.endpoints.resumeInterview.initiate(ID))
    first.abort()
    expect((await first).error).toMatchObject({ name: 'AbortError' })
    const resumed = await resume
    // The pause never reached the server: the resume of an active session is refused there, as it should be.
    expect(resumed.error).toMatchObject({ kind: 'notFound', status: 404 })
    expect(posts().map((request) => request.path)).toEqual([`/api/interviews/${ID}/resume`])
    await h.settle()
    expect(h.detail(ID)?.status).toBe('active')
  })
})

describe('per-store memory', () => {
  it('keeps the 401 burst of each store its own: a burst in one store does not swallow the other store’s', async () => {
    mock.server.resetHandlers(...createInterviewHandlers({ db: createInterviewDb(), baseUrl: BASE_URL }))
    let calls = 0
    const api = createInterviewApi({
      baseUrl: BASE_URL,
      getAccessToken: () => 'expired-token',
      crossTab: false,
      onUnauthorized: () => {
        calls += 1
      },
    })
    const first = createInterviewStore({ api })
    const second = createInterviewStore({ api })
    // Two per-request stores (two server renders, two tests) whose requests overlap.
    await Promise.all([
      first.dispatch(api.endpoints.getInterview.initiate(ID)),
      first.dispatch(api.endpoints.listInterviews.initiate()),
      second.dispatch(api.endpoints.pauseInterview.initiate(ID)),
    ])
    expect(mock.log).toHaveLength(3)
    expect(calls).toBe(2)
  })
})
