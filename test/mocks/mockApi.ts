// Shared bits of the mock-server tests: the absolute base URL (jsdom's origin) and a raw fetch helper.
import { DEMO_TOKENS } from 'interview-session-kit/mocks'

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
