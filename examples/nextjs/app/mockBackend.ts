import type { InterviewSession } from 'interview-session-kit'
import {
  DEMO_TOKENS,
  createInterviewDb,
  createInterviewHandlers,
  getSession,
  listSessions,
  type InterviewDb,
} from 'interview-session-kit/mocks'

// The example's backend: the library's mock server, in memory, for the life of the server process. Server-only.

// Turbopack can load this module twice (once for the API route, once for the pages): keep one db on globalThis, so
// that a pause made through the API shows in the next server-rendered page.
const server = globalThis as typeof globalThis & { interviewExampleDb?: InterviewDb }
const db = (server.interviewExampleDb ??= createInterviewDb())

/** The mock API's MSW handlers, served by `app/api/[...path]/route.ts`. */
export const handlers = createInterviewHandlers({ db, baseUrl: '/api' })

/** The signed-in user's access token. A real app reads its own session here; the demo user is always Alice. */
export function currentAccessToken(): string {
  return DEMO_TOKENS.alice
}

/** What the interview page renders with: one session and the user's list, as the API would answer them. */
export interface InterviewPageData {
  session: InterviewSession
  sessions: InterviewSession[]
}

/**
 * Reads the page's data from the db through the mock server's own rules: `undefined` when the token is unknown or
 * the session is malformed, missing or someone else's.
 */
export function loadInterviewPage(accessToken: string, sessionId: string): InterviewPageData | undefined {
  const user = db.userByToken(accessToken)
  if (!user) return undefined
  const session = getSession(db, user.id, sessionId)
  const list = listSessions(db, user.id)
  if (!session.ok || !list.ok) return undefined
  return { session: session.session, sessions: list.sessions }
}
