import {
  createInterviewApi,
  createInterviewStore,
  type CreateInterviewApiOptions,
  type InterviewApiError,
} from 'interview-session-kit'
import {
  createInterviewDb,
  createInterviewHandlers,
  DEMO_TOKENS,
  type MockScenarioRule,
  type MockSeed,
} from 'interview-session-kit/mocks'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll } from 'vitest'
import { waitForIdle } from '../../src/testing/waitForIdle'

/** jsdom's origin; Node has no page origin, so tests use an absolute base URL. */
export const BASE_URL = 'http://localhost:3000/api'

export interface LoggedRequest {
  method: string
  url: string
  path: string
  authorization: string | null
}

/** One MSW server per test file, with a log of every request it saw. */
export function setupMockServer() {
  const server = setupServer()
  const log: LoggedRequest[] = []
  server.events.on('request:start', ({ request }) => {
    const url = new URL(request.url)
    log.push({
      method: request.method,
      url: request.url,
      path: url.pathname + url.search,
      authorization: request.headers.get('authorization'),
    })
  })
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  afterEach(() => {
    server.resetHandlers()
    log.length = 0
  })
  afterAll(() => server.close())
  return { server, log }
}

export interface HarnessOptions {
  seed?: MockSeed
  token?: string | null
  reducerPath?: string
  /** Options of the api, over the harness's own (base URL, token, onUnauthorized, short retry delays). */
  api?: Partial<CreateInterviewApiOptions<string>>
}

/** A fresh mock db, handlers, api and store. */
export function createHarness(mock: ReturnType<typeof setupMockServer>, options: HarnessOptions = {}) {
  const db = createInterviewDb(options.seed)
  const scenarios: MockScenarioRule[] = []
  mock.server.resetHandlers(...createInterviewHandlers({ db, baseUrl: BASE_URL, scenarios }))
  const auth = { token: options.token === undefined ? DEMO_TOKENS.alice : options.token }
  const unauthorized: InterviewApiError[] = []
  const api = createInterviewApi({
    baseUrl: BASE_URL,
    getAccessToken: () => auth.token,
    onUnauthorized: (error) => unauthorized.push(error),
    retryDelay: () => 5,
    // Tests that are not about tabs keep their stores apart (a channel would reach every store of the test file).
    crossTab: false,
    ...options.api,
  })
  const store = createInterviewStore({ api })

  /** Waits until no query or mutation of the api is running, including the refetches they trigger. */
  const settle = () => waitForIdle(store, api, 50)

  const detail = (id: string) => api.endpoints.getInterview.select(id)(store.getState()).data
  const list = (status?: 'active' | 'paused' | 'completed') =>
    api.endpoints.listInterviews.select(status ? { status } : undefined)(store.getState()).data

  return { db, scenarios, auth, unauthorized, api, store, settle, detail, list, requests: mock.log }
}

/** A promise the test settles when it wants the server's answer to go out. */
export function gate() {
  let open!: () => void
  const promise = new Promise<void>((resolve) => {
    open = resolve
  })
  return { promise, open }
}

export function hold(endpoint: MockScenarioRule['endpoint'], sessionId?: string) {
  const g = gate()
  const rule: MockScenarioRule = {
    ...(endpoint ? { endpoint } : {}),
    ...(sessionId ? { sessionId } : {}),
    times: 1,
    scenario: { kind: 'hold', release: g.promise },
  }
  return { rule, open: g.open }
}

/** Lets pending promise callbacks run (MSW resolvers, axios adapters) without waiting for real time. */
export async function flush(rounds = 5) {
  for (let i = 0; i < rounds; i += 1) await new Promise((resolve) => setTimeout(resolve, 0))
}
