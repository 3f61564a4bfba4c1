import axios from 'axios'
import {
  createInterviewApi,
  createInterviewStore,
  isInterviewApiError,
  type InterviewApiError,
} from 'interview-session-kit'
import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { BASE_URL, createHarness, flush, setupMockServer } from '../support/apiHarness'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active

describe('requests', () => {
  it('sends Authorization: Bearer <token> on every endpoint', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    await h.store.dispatch(h.api.endpoints.resumeInterview.initiate(ID))
    await h.settle()
    expect(h.requests.length).toBeGreaterThanOrEqual(4)
    for (const request of h.requests) expect(request.authorization).toBe(`Bearer ${DEMO_TOKENS.alice}`)
    expect([...new Set(h.requests.map((r) => `${r.method} ${r.path}`))].sort()).toEqual([
      `GET /api/interviews/${ID}`,
      'GET /api/interviews?status=active',
      `POST /api/interviews/${ID}/pause`,
      `POST /api/interviews/${ID}/resume`,
    ].sort())
  })

  it("adds the token only to its own requests, never to the host's axios instance", async () => {
    const instance = axios.create()
    const db = createInterviewDb()
    let otherAuthorization: string | null = 'unset'
    mock.server.resetHandlers(
      ...createInterviewHandlers({ db, baseUrl: BASE_URL }),
      http.get('http://localhost:3000/other', ({ request }) => {
        otherAuthorization = request.headers.get('authorization')
        return HttpResponse.json({ ok: true })
      }),
    )
    const api = createInterviewApi({ baseUrl: BASE_URL, axiosInstance: instance, getAccessToken: () => DEMO_TOKENS.alice })
    const store = createInterviewStore({ api })
    const result = await store.dispatch(api.endpoints.getInterview.initiate(ID))
    expect(result.data?.id).toBe(ID)
    await instance.get('http://localhost:3000/other')
    expect(otherAuthorization).toBeNull()
    expect(instance.defaults.headers.common.Authorization).toBeUndefined()
  })

  it('keeps the token out of URLs, errors and Redux state', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(DEMO_SESSION_IDS.bobActive))
    await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(DEMO_SESSION_IDS.completed))
    h.scenarios.push({ endpoint: 'list', scenario: { kind: 'serverError' } })
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    await h.settle()
    const token = DEMO_TOKENS.alice
    expect(JSON.stringify(h.store.getState())).not.toContain(token)
    for (const request of h.requests) expect(request.url).not.toContain(token)
  })

  it('sends nothing without a token and fails with an unauthorized error at once', async () => {
    const h = createHarness(mock, { token: null })
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind: 'unauthorized' })
    expect(h.requests).toHaveLength(0)
    expect(h.unauthorized).toHaveLength(1)
    expect(h.db.get(ID)?.status).toBe('active')
  })

  it.each(['not-a-uuid', '../x', '', `${ID}/pause`, ID.replace(/-/g, ''), 'x'.repeat(5000)])(
    'sends nothing for the session id %j and fails with an invalid error',
    async (badId) => {
      const h = createHarness(mock)
      const get = await h.store.dispatch(h.api.endpoints.getInterview.initiate(badId))
      const pause = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(badId))
      const resume = await h.store.dispatch(h.api.endpoints.resumeInterview.initiate(badId))
      for (const result of [get, pause, resume]) {
        expect(result.error).toEqual({ kind: 'invalid', reason: 'invalidSessionId', error: 'Invalid request', details: 'sessionId must be a UUID' })
      }
      await h.settle()
      expect(h.requests).toHaveLength(0)
    },
  )

  it('sends nothing for a list status it does not know', async () => {
    const h = createHarness(mock)
    const result = await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'archived' as 'active' }))
    expect(result.error).toMatchObject({ kind: 'invalid', details: 'status must be one of active, paused, completed' })
    expect(h.requests).toHaveLength(0)
  })

  it('treats an absent status, an empty argument and no argument as one list', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({}))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: undefined }))
    expect(h.requests).toHaveLength(1)
  })

  it('accepts a session id in upper case and sends it path-encoded as it is', async () => {
    const h = createHarness(mock)
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID.toUpperCase()))
    expect(result.data?.id).toBe(ID)
    expect(h.requests.map((r) => r.path)).toEqual([`/api/interviews/${ID.toUpperCase()}`])
  })

  it("passes the request's AbortSignal to axios", async () => {
    const db = createInterviewDb()
    const instance = axios.create()
    const signals: (AbortSignal | undefined)[] = []
    instance.interceptors.request.use((config) => {
      signals.push(config.signal as AbortSignal | undefined)
      return config
    })
    mock.server.resetHandlers(
      ...createInterviewHandlers({ db, baseUrl: BASE_URL, scenarios: [{ scenario: { kind: 'hang' } }] }),
    )
    const api = createInterviewApi({ baseUrl: BASE_URL, axiosInstance: instance, getAccessToken: () => DEMO_TOKENS.alice })
    const store = createInterviewStore({ api })
    const running = store.dispatch(api.endpoints.getInterview.initiate(ID))
    await flush()
    expect(signals).toHaveLength(1)
    expect(signals[0]?.aborted).toBe(false)
    running.abort()
    const result = await running
    expect(signals[0]?.aborted).toBe(true)
    expect(result.error).toMatchObject({ name: 'AbortError' })
  })

  it.each([
    [401, { error: 'Unauthorized' }, { kind: 'unauthorized', status: 401, error: 'Unauthorized' }],
    [403, { error: 'Forbidden' }, { kind: 'forbidden', status: 403, error: 'Forbidden' }],
    [404, { error: 'Interview not found' }, { kind: 'notFound', status: 404, error: 'Interview not found' }],
    [
      400,
      { error: 'Invalid request', details: 'sessionId must be a UUID' },
      { kind: 'invalid', status: 400, error: 'Invalid request', details: 'sessionId must be a UUID' },
    ],
    [409, { error: 'Conflict' }, { kind: 'invalid', status: 409, error: 'Conflict' }],
    [500, { error: 'Internal server error' }, { kind: 'server', status: 500, error: 'Internal server error' }],
    [502, '<html><body>Bad gateway</body></html>', { kind: 'server', status: 502 }],
  ] as const)('maps an HTTP %i to a typed error value', async (status, body, expected) => {
    const h = createHarness(mock)
    mock.server.use(
      http.get(`${BASE_URL}/interviews/:id`, () =>
        typeof body === 'string'
          ? new HttpResponse(body, { status, headers: { 'Content-Type': 'text/html' } })
          : HttpResponse.json(body, { status }),
      ),
    )
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.error).toEqual(expected)
    expect(isInterviewApiError(result.error)).toBe(true)
  })

  it('maps a failure without a response to a network error, after retrying reads twice', async () => {
    const h = createHarness(mock)
    h.scenarios.push({ endpoint: 'get', scenario: { kind: 'networkError' } })
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.error).toEqual({ kind: 'network', reason: 'unreachable', error: 'Network error' })
    expect(h.requests).toHaveLength(3)
  })

  it('retries a read after a network error and succeeds when the network comes back', async () => {
    const h = createHarness(mock)
    h.scenarios.push({ endpoint: 'list', times: 2, scenario: { kind: 'networkError' } })
    const result = await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    expect(result.data?.length).toBeGreaterThan(0)
    expect(h.requests).toHaveLength(3)
  })

  it('never retries a 4xx or a 5xx read, nor a pause or resume', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(DEMO_SESSION_IDS.missing))
    h.scenarios.push({ scenario: { kind: 'networkError' } })
    const pause = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    const resume = await h.store.dispatch(h.api.endpoints.resumeInterview.initiate(DEMO_SESSION_IDS.paused))
    expect(pause.error).toMatchObject({ kind: 'network' })
    expect(resume.error).toMatchObject({ kind: 'network' })
    const sent = h.requests.filter((r) => r.method === 'POST' || r.path.endsWith(DEMO_SESSION_IDS.missing))
    expect(sent.map((r) => r.method)).toEqual(['GET', 'POST', 'POST'])
    h.scenarios.length = 0
    await h.settle()
  })

  it('never throws: a throwing token getter is an unauthorized error value', async () => {
    const unauthorized: InterviewApiError[] = []
    mock.server.resetHandlers(...createInterviewHandlers({ db: createInterviewDb(), baseUrl: BASE_URL }))
    const api = createInterviewApi({
      baseUrl: BASE_URL,
      getAccessToken: () => {
        throw new Error('token store unavailable')
      },
      onUnauthorized: (error) => unauthorized.push(error),
    })
    const store = createInterviewStore({ api })
    const result = await store.dispatch(api.endpoints.getInterview.initiate(ID))
    expect(result.error).toEqual({ kind: 'unauthorized', error: 'No access token' })
    expect(unauthorized).toHaveLength(1)
    expect(mock.log).toHaveLength(0)
  })
})

describe('401', () => {
  it('calls onUnauthorized once for a burst of ten parallel 401s', async () => {
    const h = createHarness(mock, { token: 'expired-token' })
    await Promise.all([
      ...Array.from({ length: 7 }, (_, i) =>
        h.store.dispatch(h.api.endpoints.getInterview.initiate(`00000000-0000-4000-8000-00000000000${i}`)),
      ),
      h.store.dispatch(h.api.endpoints.listInterviews.initiate()),
      h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' })),
      h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID)),
    ])
    expect(h.requests).toHaveLength(10)
    expect(h.unauthorized).toHaveLength(1)
    expect(h.unauthorized[0]).toEqual({ kind: 'unauthorized', status: 401, error: 'Unauthorized' })
  })

  it('reports a new burst after the host had the chance to refresh, and uses the refreshed token', async () => {
    const h = createHarness(mock, { token: 'expired-token' })
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(h.unauthorized).toHaveLength(2)
    h.auth.token = DEMO_TOKENS.alice
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.data?.status).toBe('paused')
    expect(h.requests.at(-1)?.authorization).toBe(`Bearer ${DEMO_TOKENS.alice}`)
  })
})
