import { configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axios from 'axios'
import {
  createInterviewApi,
  createInterviewStore,
  en,
  InterviewControls,
  SessionStatus,
  type InterviewApiError,
} from 'interview-session-kit'
import {
  createInterviewDb,
  createInterviewHandlers,
  DEMO_SESSION_IDS,
  DEMO_USERS,
  demoSeed,
  type MockSeed,
} from 'interview-session-kit/mocks'
import { http, HttpResponse } from 'msw'
import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest'
import { BASE_URL, createHarness, flush, hold, setupMockServer } from '../support/apiHarness'
import { renderWithKit } from '../support/renderWithKit'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active
const TOKEN = 'tok-7d1e4f2a9c83-SECRET-alice'
const EXPIRED = 'tok-expired-0b5e17c2d4-SECRET'

/** The demo data, with alice signing in with `token`. */
const seedWith = (token: string): MockSeed => ({
  users: [{ ...DEMO_USERS.alice, token }, DEMO_USERS.bob],
  sessions: demoSeed.sessions ?? [],
})

/** Every request the mock server saw, with its body. */
const sent: { method: string; url: string; authorization: string | null; body: string }[] = []
mock.server.events.on('request:start', ({ request }) => {
  const entry = { method: request.method, url: request.url, authorization: request.headers.get('authorization'), body: '' }
  sent.push(entry)
  void request
    .clone()
    .text()
    .then((body) => {
      entry.body = body
    })
})

// Every console method is watched for the whole of each test (and still prints): no line may carry a token.
const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const
let consoleSpies: MockInstance[] = []
beforeEach(() => {
  sent.length = 0
  consoleSpies = METHODS.map((method) => vi.spyOn(console, method))
})
afterEach(() => {
  for (const spy of consoleSpies) {
    for (const args of spy.mock.calls) expectNoToken(args, 'console output')
    spy.mockRestore()
  }
})

/** Fails when `value`, printed in full (errors with their messages and stacks), contains a token. */
function expectNoToken(value: unknown, where: string) {
  const printed = typeof value === 'string' ? value : inspect(value, { depth: 30, showHidden: true, breakLength: Infinity })
  for (const token of [TOKEN, EXPIRED]) {
    expect(printed.includes(token), `${where} holds the token: ${printed.slice(0, 300)}`).toBe(false)
  }
}

describe('where the token goes', () => {
  it("goes only in the Authorization header of the api's own requests, never to another URL on the host's instance", async () => {
    const instance = axios.create()
    const db = createInterviewDb(seedWith(TOKEN))
    const foreign: (string | null)[] = []
    mock.server.resetHandlers(
      ...createInterviewHandlers({ db, baseUrl: BASE_URL }),
      http.get('http://localhost:3000/other', ({ request }) => {
        foreign.push(request.headers.get('authorization'))
        return HttpResponse.json({ ok: true })
      }),
      http.post('http://localhost:3000/analytics', ({ request }) => {
        foreign.push(request.headers.get('authorization'))
        return HttpResponse.json({ ok: true })
      }),
    )
    const api = createInterviewApi({ baseUrl: BASE_URL, axiosInstance: instance, getAccessToken: () => TOKEN })
    const store = createInterviewStore({ api })
    await store.dispatch(api.endpoints.getInterview.initiate(ID))
    await store.dispatch(api.endpoints.listInterviews.initiate({ status: 'active' }))
    await store.dispatch(api.endpoints.pauseInterview.initiate(ID))
    await store.dispatch(api.endpoints.resumeInterview.initiate(ID))
    await instance.get('http://localhost:3000/other', { params: { q: 'x' } })
    await instance.post('http://localhost:3000/analytics', { event: 'paused' })
    await flush()

    expect(foreign).toEqual([null, null])
    expect(sent.filter((request) => request.method === 'POST').map((request) => request.body)).toEqual(['{}', '{}', '{"event":"paused"}'])
    const own = sent.filter((request) => request.url.startsWith(`${BASE_URL}/`))
    expect(own.length).toBeGreaterThanOrEqual(4)
    for (const request of own) expect(request.authorization).toBe(`Bearer ${TOKEN}`)
    for (const request of sent) {
      expectNoToken(request.url, `URL ${request.url}`)
      expectNoToken(new URL(request.url).search, 'query string')
      expectNoToken(request.body, `body of ${request.method} ${request.url}`)
    }
    expectNoToken(instance.defaults, "the host instance's defaults")
    expectNoToken(axios.defaults, "axios's global defaults")
    expectNoToken(JSON.stringify(store.getState()), 'Redux state')
  })

  it('stays out of every error value, thrown value, callback payload and the Redux state, whatever fails', async () => {
    const h = createHarness(mock, { seed: seedWith(TOKEN), token: TOKEN })
    const { getInterview, listInterviews, pauseInterview, resumeInterview } = h.api.endpoints
    const errors: unknown[] = []
    const collect = async (call: { unwrap: () => Promise<unknown> }) => {
      try {
        await call.unwrap()
      } catch (thrown) {
        errors.push(thrown)
      }
    }
    await collect(h.store.dispatch(getInterview.initiate(DEMO_SESSION_IDS.bobActive))) // 403
    await collect(h.store.dispatch(pauseInterview.initiate(DEMO_SESSION_IDS.bobActive))) // 403
    await collect(h.store.dispatch(getInterview.initiate(DEMO_SESSION_IDS.missing))) // 404
    await collect(h.store.dispatch(pauseInterview.initiate(DEMO_SESSION_IDS.completed))) // 404
    await collect(h.store.dispatch(resumeInterview.initiate('../not-an-id'))) // invalid, nothing sent
    h.scenarios.push({ endpoint: 'list', times: 1, scenario: { kind: 'serverError' } })
    await collect(h.store.dispatch(listInterviews.initiate())) // 500
    h.scenarios.push({ endpoint: 'get', times: 3, scenario: { kind: 'networkError' } })
    await collect(h.store.dispatch(getInterview.initiate(ID))) // network, after two retries
    mock.server.use(
      http.get(`${BASE_URL}/interviews`, () => HttpResponse.json({ error: 'Invalid request', details: 'status' }, { status: 400 }), { once: true }),
      http.post(`${BASE_URL}/interviews/:id/pause`, () => new HttpResponse('<html>ok</html>', { status: 200 }), { once: true }),
    )
    await collect(h.store.dispatch(listInterviews.initiate({ status: 'paused' }))) // 400
    await collect(h.store.dispatch(pauseInterview.initiate(DEMO_SESSION_IDS.active2))) // invalidResponse
    h.scenarios.push({ endpoint: 'get', sessionId: DEMO_SESSION_IDS.active3, scenario: { kind: 'hang' } })
    const hanging = h.store.dispatch(getInterview.initiate(DEMO_SESSION_IDS.active3))
    await flush()
    hanging.abort()
    await collect(hanging) // aborted
    await h.settle()

    expect(errors.map((error) => (error as { kind?: string; name?: string }).kind ?? (error as { name?: string }).name)).toEqual([
      'forbidden',
      'forbidden',
      'notFound',
      'notFound',
      'invalid',
      'server',
      'network',
      'invalid',
      'invalidResponse',
      'AbortError',
    ])
    for (const error of errors) expectNoToken(error, 'an error value')
    expectNoToken(JSON.stringify(h.store.getState()), 'Redux state')
    expectNoToken(h.store.getState(), 'Redux state')
    for (const request of sent) expectNoToken(`${request.url} ${request.body}`, 'a request URL or body')

    // A 401 (the server does not know the token): the onUnauthorized payload holds no token either.
    const expired = createHarness(mock, { seed: seedWith(TOKEN), token: EXPIRED })
    const denied = await expired.store.dispatch(expired.api.endpoints.pauseInterview.initiate(ID))
    expect(denied.error).toEqual({ kind: 'unauthorized', status: 401, error: 'Unauthorized' })
    expect(expired.unauthorized).toHaveLength(1)
    expectNoToken(expired.unauthorized, 'the onUnauthorized payload')
    expectNoToken(denied, 'the 401 result')
    expectNoToken(JSON.stringify(expired.store.getState()), 'Redux state after a 401')
  })

  it('stays out of what the components render and of the onError payloads', async () => {
    const user = userEvent.setup()
    const onError = vi.fn<(error: InterviewApiError) => void>()
    const { container, db } = renderWithKit(
      mock,
      <main>
        <SessionStatus sessionId={ID} />
        <InterviewControls sessionId={ID} onError={onError} />
      </main>,
      { seed: seedWith(TOKEN), token: TOKEN },
    )
    await screen.findByText(en.statusActive)
    db.update(ID, { status: 'completed' }) // the pause will be refused: 404
    await user.click(screen.getByRole('button', { name: en.pause }))
    await waitFor(() => expect(onError).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(en.errorNotFound))
    expectNoToken(onError.mock.calls, 'the onError payload')
    expectNoToken(container.innerHTML, 'the rendered DOM')
    expectNoToken(document.documentElement.outerHTML, 'the document')
  })
})

describe('401 bursts and token refresh', () => {
  it("calls onUnauthorized once for a burst of 401s and sends the host's refreshed token with the next request", async () => {
    const FRESH = 'tok-fresh-51c0ffee-alice'
    const auth = createSlice({
      name: 'auth',
      initialState: { token: EXPIRED },
      reducers: { refreshed: (state, action: PayloadAction<string>) => void (state.token = action.payload) },
    })
    const payloads: InterviewApiError[] = []
    const api = createInterviewApi({
      baseUrl: BASE_URL,
      getAccessToken: ({ getState }) => (getState() as { auth: { token: string } }).auth.token,
      onUnauthorized: (error) => {
        payloads.push(error)
        // The host refreshes its token into its own slice (here at once, as a refresh-token flow would).
        store.dispatch(auth.actions.refreshed(FRESH))
      },
    })
    const store = configureStore({
      reducer: { auth: auth.reducer, [api.reducerPath]: api.reducer },
      middleware: (getDefault) => getDefault().concat(api.middleware),
    })
    const db = createInterviewDb(seedWith(FRESH))
    mock.server.resetHandlers(...createInterviewHandlers({ db, baseUrl: BASE_URL }))

    const burst = await Promise.all([
      ...[ID, DEMO_SESSION_IDS.active2, DEMO_SESSION_IDS.active3, DEMO_SESSION_IDS.paused].map((id) =>
        store.dispatch(api.endpoints.getInterview.initiate(id)),
      ),
      store.dispatch(api.endpoints.listInterviews.initiate()),
      store.dispatch(api.endpoints.listInterviews.initiate({ status: 'active' })),
      store.dispatch(api.endpoints.pauseInterview.initiate(ID)),
      store.dispatch(api.endpoints.resumeInterview.initiate(DEMO_SESSION_IDS.paused)),
    ])
    expect(burst.map((result) => result.error)).toEqual(Array(8).fill({ kind: 'unauthorized', status: 401, error: 'Unauthorized' }))
    expect(sent.map((request) => request.authorization)).toEqual(Array(8).fill(`Bearer ${EXPIRED}`))
    expect(payloads).toHaveLength(1)

    expect(store.getState().auth.token).toBe(FRESH)
    const retried = await store.dispatch(api.endpoints.pauseInterview.initiate(ID))
    expect(retried.data?.status).toBe('paused')
    expect(sent.at(-1)?.authorization).toBe(`Bearer ${FRESH}`)
    expect(payloads).toHaveLength(1)
    expect(db.get(ID)?.status).toBe('paused')

    expectNoToken(payloads, 'the onUnauthorized payloads')
    // The host keeps its token in its own slice; the api's slice never holds one.
    const apiState = JSON.stringify(store.getState()[api.reducerPath])
    expect(apiState.includes(FRESH) || apiState.includes(EXPIRED)).toBe(false)
  })
})

describe("another user's session", () => {
  it('is never shown: its status is unavailable, the error says so, and nothing of it reaches the page', async () => {
    const { container, db } = renderWithKit(
      mock,
      <main>
        <SessionStatus sessionId={DEMO_SESSION_IDS.bobActive} />
        <InterviewControls sessionId={DEMO_SESSION_IDS.bobActive} />
      </main>,
    )
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(en.errorForbidden))
    expect(screen.getByRole('alert')).toHaveAttribute('data-kind', 'forbidden')
    expect(screen.getAllByRole('status')[0]).toHaveTextContent(en.statusUnavailable)
    expect(screen.queryByRole('button', { name: en.pause })).toBeNull()
    expect(container.textContent).not.toContain(db.get(DEMO_SESSION_IDS.bobActive)?.title ?? 'no title')
  })

  it('is never changed: a 403 pause or resume leaves every cache entry and the db as they were', async () => {
    const h = createHarness(mock)
    await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'active' }))
    await h.store.dispatch(h.api.endpoints.listInterviews.initiate({ status: 'paused' }))
    const cachedData = () =>
      Object.fromEntries(
        Object.entries(h.store.getState().interviewApi.queries).map(([key, entry]) => [
          key,
          structuredClone((entry as { data?: unknown } | undefined)?.data),
        ]),
      )
    const before = cachedData()
    const records = h.db.records()
    const bobIds: string[] = [DEMO_SESSION_IDS.bobActive, DEMO_SESSION_IDS.bobPaused]

    const held = hold('pause')
    h.scenarios.push(held.rule)
    const pausing = h.store.dispatch(h.api.endpoints.pauseInterview.initiate(DEMO_SESSION_IDS.bobActive))
    await flush()
    // In flight: nothing optimistic appears for a session the user never had.
    expect(cachedData()).toEqual(before)
    held.open()
    const paused = await pausing
    const resumed = await h.store.dispatch(h.api.endpoints.resumeInterview.initiate(DEMO_SESSION_IDS.bobPaused))
    await h.settle()

    expect(paused.error).toEqual({ kind: 'forbidden', status: 403, error: 'Forbidden' })
    expect(resumed.error).toEqual({ kind: 'forbidden', status: 403, error: 'Forbidden' })
    expect(cachedData()).toEqual(before)
    expect(h.db.records()).toEqual(records)
    const queries = JSON.stringify(h.store.getState().interviewApi.queries)
    for (const id of bobIds) expect(queries).not.toContain(id)
  })
})
