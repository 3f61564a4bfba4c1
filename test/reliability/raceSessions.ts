import type { InterviewStatus, StatusAction } from 'interview-session-kit'
import { DEMO_SESSION_IDS, DEMO_TOKENS, DEMO_USERS } from 'interview-session-kit/mocks'
import { BASE_URL } from '../support/apiHarness'

/** The five sessions the race commands act on, named s1…s5 in command lists and traces. */
export const RACE_SESSIONS = [
  DEMO_SESSION_IDS.active,
  DEMO_SESSION_IDS.active2,
  DEMO_SESSION_IDS.active3,
  DEMO_SESSION_IDS.paused,
  DEMO_SESSION_IDS.paused2,
] as const

/** Alice's other sessions, which the lists hold too: never touched, they must stay exactly as the server has them. */
const BYSTANDERS: Record<string, string> = { [DEMO_SESSION_IDS.completed]: 'completed', [DEMO_SESSION_IDS.unknownStatus]: 'archived' }

export const RACE_TOKEN = DEMO_TOKENS.alice
export const RACE_USER_ID = DEMO_USERS.alice.id

/** The two tabs of a run: each its own api and store (one `reducerPath`), on the same server and db. */
export const TABS = ['A', 'B'] as const
export type TabName = (typeof TABS)[number]
/** The header each tab's axios instance puts on its requests, so that the race server knows whose they are. */
export const TAB_HEADER = 'x-race-tab'
export const isTabName = (value: unknown): value is TabName => value === 'A' || value === 'B'

/** The tabs' `timeoutMs` (the default, said explicitly). */
export const TAB_TIMEOUT_MS = 20_000
/** How long a tab shows another tab's change whose end never comes: the api's `timeoutMs` + 1 s. */
export const EXPIRY_MS = TAB_TIMEOUT_MS + 1_000

/** The list variants kept mounted: all of alice's sessions, the active ones, the paused ones. */
export const LIST_VARIANTS = ['all', 'active', 'paused'] as const
export type ListVariant = (typeof LIST_VARIANTS)[number]

/**
 * A fault injected into one request.
 * - At the server: `networkError`, `serverError`, and `answerLost` (the server makes the change, the answer never
 *   arrives).
 * - At the client: `timeout` (the host axios instance's `timeout` ends the request while the server holds it; the
 *   server may still make the change later), `noToken` (the host's `getAccessToken` throws), `expiredToken` (the
 *   token is refused with a 401, and the host's `onUnauthorized` throws).
 */
export type Fault = 'networkError' | 'serverError' | 'answerLost' | 'timeout' | 'noToken' | 'expiredToken'

/** Faults the client applies (the others are the server's). */
export const CLIENT_FAULTS: readonly Fault[] = ['timeout', 'noToken', 'expiredToken']

export const EXPIRED_TOKEN = 'expired-race-token'

/**
 * The client model the invariants compare against, per tab and session: the latest of the tab's own calls still
 * waiting, how many wait, and when the latest began (in the run's order of arrivals, shared with other tabs' changes
 * the tab hears of: the later one is what the tab shows).
 */
export interface Intent {
  latest: StatusAction
  pending: number
  at: number
}

/** `s1`…`s5`, `completed`, `archived`: how a session reads in command lists, traces and failures. */
export function sessionName(id: string): string {
  const index = (RACE_SESSIONS as readonly string[]).indexOf(id.toLowerCase())
  return index >= 0 ? `s${index + 1}` : (BYSTANDERS[id.toLowerCase()] ?? id)
}

export const statusOf = (variant: ListVariant): InterviewStatus | undefined => (variant === 'all' ? undefined : variant)
export const listArg = (variant: ListVariant) => (variant === 'all' ? undefined : { status: variant })
// Only the three mounted variants are ever cached: the commands never create another.
export const variantOf = (arg: { status?: InterviewStatus } | undefined | void): ListVariant =>
  (arg?.status ?? 'all') as ListVariant

const API_PATH = new URL(BASE_URL).pathname

/** The request key a fault is armed under: `POST /api/interviews/<id>/pause`, `GET /api/interviews?status=paused`. */
export const requestKey = {
  change: (id: string, action: StatusAction) => `POST ${API_PATH}/interviews/${id}/${action}`,
  detail: (id: string) => `GET ${API_PATH}/interviews/${id}`,
  list: (variant: ListVariant) => `GET ${API_PATH}/interviews${variant === 'all' ? '' : `?status=${variant}`}`,
}

/** The request key of an axios config: method, path and query, as `requestKey` builds them. */
export function requestKeyOf(method: string, url: string, params: unknown): string {
  const parsed = new URL(url)
  for (const [name, value] of Object.entries((params ?? {}) as Record<string, string>)) parsed.searchParams.set(name, value)
  return `${method.toUpperCase()} ${parsed.pathname}${parsed.search}`
}

/** The session id in an interview path, if any: `/api/interviews/<id>` and `/api/interviews/<id>/pause`. */
export function idInPath(url: URL): string | undefined {
  const segment = url.pathname.slice(API_PATH.length).split('/')[2]
  return segment === undefined ? undefined : decodeURIComponent(segment)
}

/** `GET list:paused`, `GET s2`, `pause s2`: how a request reads in traces and scheduler reports. */
export function describeRequest(method: string, url: URL): string {
  const id = idInPath(url)
  const action = url.pathname.slice(API_PATH.length).split('/')[3]
  if (method === 'GET' && id === undefined) return `GET list:${url.searchParams.get('status') ?? 'all'}`
  if (method === 'GET') return `GET ${sessionName(id ?? '')}`
  return `${action ?? method} ${sessionName(id ?? '')}`
}
