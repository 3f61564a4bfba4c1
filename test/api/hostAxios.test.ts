import axios, { AxiosError } from 'axios'
import { createInterviewApi, createInterviewStore, type InterviewApiError } from 'interview-session-kit'
import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { http, HttpResponse } from 'msw'
import { afterEach, describe, expect, it } from 'vitest'
import { BASE_URL, createHarness, setupMockServer } from '../support/apiHarness'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const ORIGIN = 'http://localhost:3000'

afterEach(() => {
  window.history.replaceState(null, '', '/')
})

/** A host instance with the interceptors real apps have: `res => res.data`, errors reshaped, a header added. */
function unwrappingInstance() {
  const instance = axios.create({ baseURL: 'https://elsewhere.example/v9', timeout: 0 })
  instance.interceptors.request.use((config) => {
    config.headers.set('X-Request-Source', 'host-app')
    return config
  })
  instance.interceptors.response.use(
    (response) => response.data,
    (error: unknown) => Promise.reject(new Error(error instanceof AxiosError ? `HTTP ${error.response?.status}` : 'failed')),
  )
  return instance
}

describe("the host's axios instance", () => {
  it('works through an interceptor that unwraps response.data and one that reshapes errors, for success and every error kind', async () => {
    const unauthorized: InterviewApiError[] = []
    const h = createHarness(mock, { api: { axiosInstance: unwrappingInstance(), onUnauthorized: (e) => unauthorized.push(e) } })
    const headers: (string | null)[] = []
    mock.server.events.on('request:start', ({ request }) => void headers.push(request.headers.get('x-request-source')))

    const read = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(read.data).toEqual(h.db.get(ID))
    const paused = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(paused.data?.status).toBe('paused')
    const list = await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'paused' }))
    expect(list.data?.map((session) => session.id)).toContain(ID)

    expect((await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(DEMO_SESSION_IDS.completed))).error).toMatchObject({ kind: 'notFound', status: 404, error: 'Failed to pause interview' })
    expect((await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(DEMO_SESSION_IDS.bobActive))).error).toMatchObject({ kind: 'forbidden', status: 403 })
    h.scenarios.push({ endpoint: 'resume', times: 1, scenario: { kind: 'serverError' } })
    expect((await h.store.dispatch(h.api.endpoints.resumeInterview.initiate(ID))).error).toMatchObject({ kind: 'server', status: 500 })
    h.scenarios.push({ endpoint: 'resume', times: 1, scenario: { kind: 'networkError' } })
    expect((await h.store.dispatch(h.api.endpoints.resumeInterview.initiate(ID))).error).toMatchObject({ kind: 'network', reason: 'unreachable' })
    h.auth.token = 'expired-token'
    expect((await h.store.dispatch(h.api.endpoints.resumeInterview.initiate(ID))).error).toMatchObject({ kind: 'unauthorized', status: 401 })
    expect(unauthorized).toHaveLength(1)
    // The host's request interceptor ran on every request; its baseURL did not apply (the mock server answered).
    expect(headers.length).toBeGreaterThanOrEqual(8)
    expect(new Set(headers)).toEqual(new Set(['host-app']))
    await h.settle()
  })

  it('still sees a 401 through an instance whose validateStatus accepts every status, and calls onUnauthorized', async () => {
    const instance = axios.create({ validateStatus: () => true })
    const h = createHarness(mock, { token: 'expired-token', api: { axiosInstance: instance } })
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.error).toEqual({ kind: 'unauthorized', status: 401, error: 'Unauthorized' })
    expect(h.unauthorized).toHaveLength(1)
  })

  it("lets the host's error interceptor refresh the token and send the request again, and reads the final answer", async () => {
    const instance = axios.create()
    let refreshed = false
    instance.interceptors.response.use(undefined, async (error: unknown) => {
      if (!(error instanceof AxiosError) || error.response?.status !== 401 || refreshed || !error.config) throw error
      refreshed = true
      error.config.headers.set('Authorization', `Bearer ${DEMO_TOKENS.alice}`)
      return instance.request(error.config)
    })
    const h = createHarness(mock, { token: 'expired-token', api: { axiosInstance: instance } })
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.data?.status).toBe('paused')
    expect(h.requests.map((request) => request.authorization)).toEqual(['Bearer expired-token', `Bearer ${DEMO_TOKENS.alice}`])
    expect(h.unauthorized).toHaveLength(0)
  })

  it("applies the instance's adapter and its own timeout, reported as a timeout", async () => {
    const h = createHarness(mock, { api: { axiosInstance: axios.create({ adapter: 'fetch', timeout: 40 }), timeoutMs: 0 } })
    h.scenarios.push({ endpoint: 'get', scenario: { kind: 'hang' } })
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind: 'network', reason: 'timeout' })
  })
})

describe('baseUrl', () => {
  it.each([
    ['/', `${ORIGIN}/interviews/${ID}`],
    ['', `${ORIGIN}/interviews/${ID}`],
    ['/api', `${ORIGIN}/api/interviews/${ID}`],
    ['/api/', `${ORIGIN}/api/interviews/${ID}`],
    [`${ORIGIN}/api/`, `${ORIGIN}/api/interviews/${ID}`],
  ])('%j resolves to %s from a nested page path', async (baseUrl, expected) => {
    window.history.replaceState(null, '', '/app/sessions/list')
    const db = createInterviewDb()
    mock.server.resetHandlers(...createInterviewHandlers({ db, baseUrl: `${ORIGIN}${new URL(expected).pathname.replace(/\/interviews\/.*$/, '')}` }))
    const api = createInterviewApi({ baseUrl, getAccessToken: () => DEMO_TOKENS.alice })
    const store = createInterviewStore({ api })
    const result = await store.dispatch(api.endpoints.getInterview.initiate(ID))
    expect(mock.log.map((request) => request.url)).toEqual([expected])
    expect(result.data?.id).toBe(ID)
  })

  it('refuses a base URL relative to the page, naming the fix', () => {
    expect(() => createInterviewApi({ baseUrl: 'api', getAccessToken: () => 'token' })).toThrow(/relative to the page.*'\/api'/)
  })

  it('uses the base URL even when the host instance has a baseURL of its own', async () => {
    mock.server.use(http.get('https://elsewhere.example/*', () => HttpResponse.json({ error: 'wrong host' }, { status: 500 })))
    const h = createHarness(mock, { api: { axiosInstance: axios.create({ baseURL: 'https://elsewhere.example/v9' }) } })
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.data?.id).toBe(ID)
    expect(h.requests[0]?.url).toBe(`${BASE_URL}/interviews/${ID}`)
  })
})
