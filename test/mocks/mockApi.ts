// Shared bits of the mock-server tests: the absolute base URL (jsdom's origin) and a raw fetch helper.
import { createInterviewDb, createInterviewHandlers, DEMO_TOKENS, type InterviewDb } from 'interview-session-kit/mocks'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'

export const BASE_URL = 'http://localhost:3000/api'

/** An `Authorization` header for `token`. */
export function bearer(token: string = DEMO_TOKENS.alice): Record<string, string> {
  return { authorization: `Bearer ${token}` }
}

/** What a test looks at in an answer. */
export interface Answer {
  status: number
  contentType: string | null
  text: string
  json: unknown
}

/** Sends a raw request to `BASE_URL + path` and reads the whole answer. */
export async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${BASE_URL}${path}`, init)
  const text = await response.text()
  return { status: response.status, contentType: response.headers.get('content-type'), text, json: JSON.parse(text) }
}

/** A promise and the function that resolves it (Node 20 has no `Promise.withResolvers`). */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined
  const promise = new Promise<void>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

/**
 * One MSW server for the test file, and a fresh demo db with its handlers before each test: read `mock.db` inside
 * a test.
 */
export function setupMockDb(): { server: ReturnType<typeof setupServer>; readonly db: InterviewDb } {
  const server = setupServer()
  let db: InterviewDb | undefined
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
  beforeEach(() => {
    db = createInterviewDb()
    server.use(...createInterviewHandlers({ db, baseUrl: BASE_URL }))
  })
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return {
    server,
    get db() {
      if (!db) throw new Error('the mock db exists only inside a test')
      return db
    },
  }
}
