import { HttpResponse, delay, http } from 'msw'
import type { HttpCustomPredicate, HttpHandler } from 'msw'
import type { InterviewDb } from './createInterviewDb.js'
import { handleInterviewRequest, UNAUTHORIZED } from './handleInterviewRequest.js'
import { parseAuthorization } from './parseAuthorization.js'
import type { MockEndpoint, MockRequest } from './handleInterviewRequest.js'
import { createScenarioPicker } from './scenarios.js'
import type { MockScenario, MockScenarioRule } from './scenarios.js'

/** Options of {@link createInterviewHandlers}. */
export interface InterviewHandlersOptions {
  /** The db the handlers read and write. Create a fresh one per test or story. */
  db: InterviewDb
  /**
   * Where the API lives, relative (`/api`) or absolute (`http://localhost:3000/api`); a trailing slash is ignored.
   * @default '/api'
   */
  baseUrl?: string
  /**
   * Milliseconds every answer waits before it is sent (the answer itself is computed on arrival).
   * @default 0
   */
  delayMs?: number
  /**
   * Failure scenarios, first matching unspent rule wins. The handlers read this very array on every request, so
   * pushing or splicing rules later (also through the returned `handlers.scenarios`) takes effect at once.
   * @default []
   */
  scenarios?: MockScenarioRule[]
  /**
   * Also serve `GET {baseUrl}/interviews/events`: server-sent events (`text/event-stream`) that send every session of the
   * signed-in user whenever it changes (a pause, a resume, or `db.update` standing for another device), as events
   * named `session` whose data is the session's JSON. `EventSource` sends no headers, so the token comes as the
   * `access_token` query parameter (RFC 6750); without a known one the answer is 401.
   * @default false
   */
  events?: boolean
}

/** The MSW handlers of the mock server, plus the live scenario list they read. Spread it into MSW. */
export type InterviewHandlers = HttpHandler[] & { scenarios: MockScenarioRule[] }

type Resolver = Parameters<typeof http.post>[1]

const INTERNAL_ERROR = { error: 'Internal server error' }

/**
 * Creates MSW 2 handlers for `POST {baseUrl}/interviews/:id/pause`, `POST {baseUrl}/interviews/:id/resume`,
 * `GET {baseUrl}/interviews/:id` and `GET {baseUrl}/interviews`, answering from `db` with the rules of
 * {@link handleInterviewRequest}. Other methods on these paths are left unhandled. Every answer is JSON.
 *
 * @example
 * ```ts
 * import { setupServer } from 'msw/node'
 * import { DEMO_SESSION_IDS, createInterviewDb, createInterviewHandlers } from 'interview-session-kit/mocks'
 *
 * const db = createInterviewDb()
 * const handlers = createInterviewHandlers({ db, baseUrl: 'http://localhost:3000/api' })
 * const server = setupServer(...handlers)
 * server.listen({ onUnhandledRequest: 'error' })
 *
 * // Later: the next pause fails at the network level, once.
 * handlers.scenarios.push({ endpoint: 'pause', times: 1, scenario: { kind: 'networkError' } })
 * ```
 */
export function createInterviewHandlers(options: InterviewHandlersOptions): InterviewHandlers {
  const { db, delayMs = 0, scenarios = [] } = options
  const base = (options.baseUrl ?? '/api').replace(/\/+$/, '')
  const pickScenario = createScenarioPicker(scenarios)

  function resolver(endpoint: MockEndpoint): Resolver {
    return async ({ request, params }) => {
      try {
        const sessionId = typeof params.id === 'string' ? params.id : endpoint === 'list' ? undefined : ''
        const scenario = pickScenario(endpoint, sessionId)
        if (scenario?.kind === 'hang') {
          await aborted(request.signal)
          return HttpResponse.error()
        }
        const response = await answer(scenario, request, { endpoint, sessionId })
        if (scenario?.kind === 'slow' && scenario.ms > 0) await delay(scenario.ms)
        if (scenario?.kind === 'hold') await scenario.release.then(ignore, ignore)
        if (delayMs > 0) await delay(delayMs)
        return response
      } catch {
        // A throwing resolver would make MSW answer 500 with a stack trace; answer like a server would instead.
        return HttpResponse.json(INTERNAL_ERROR, { status: 500 })
      }
    }
  }

  async function answer(
    scenario: MockScenario | undefined,
    request: Request,
    target: Pick<MockRequest, 'endpoint' | 'sessionId'>,
  ): Promise<Response> {
    if (scenario?.kind === 'networkError') return HttpResponse.error()
    if (scenario?.kind === 'serverError') return HttpResponse.json(INTERNAL_ERROR, { status: 500 })
    const post = request.method === 'POST'
    const reply = handleInterviewRequest(db, {
      ...target,
      authorization: request.headers.get('authorization'),
      // Read a clone: MSW hands the same request to every handler, and a later one may want the body too.
      body: post ? await request.clone().text() : undefined,
      status: target.endpoint === 'list' ? new URL(request.url).searchParams.getAll('status') : undefined,
    })
    return HttpResponse.json(reply.body, { status: reply.status })
  }

  const handlers = [
    ...(options.events ? [sessionEvents(db, `${base}/interviews/events`)] : []),
    http.post(sessionRoute(base, 'pause'), resolver('pause')),
    http.post(sessionRoute(base, 'resume'), resolver('resume')),
    http.get(sessionRoute(base), resolver('get')),
    http.get(`${base}/interviews`, resolver('list')),
  ]
  return Object.assign(handlers, { scenarios })
}

/**
 * `${base}/interviews/:id`, or `…/:id/${action}`, matched by hand: MSW's own `:id` decodes the segment while matching,
 * so a malformed escape (`/interviews/%/pause`) would throw before any handler runs and answer a 500 with a stack
 * trace. Here it is an id like any other, refused with the API's 400; an empty id (`/interviews//pause`) too.
 */
function sessionRoute(base: string, action?: 'pause' | 'resume'): HttpCustomPredicate<{ id: string }> {
  const absolute = /^[a-z][a-z0-9+.-]*:\/\//i.test(base)
  const prefix = `${base}/interviews/`
  return ({ request }) => {
    const url = new URL(request.url)
    const path = absolute ? `${url.origin}${url.pathname}` : url.pathname
    if (!path.startsWith(prefix)) return false
    const segments = path.slice(prefix.length).split('/')
    // A trailing slash is allowed, as on MSW's own paths.
    if (segments.length > 1 && segments.at(-1) === '') segments.pop()
    const [raw = '', last] = segments
    if (segments.length !== (action ? 2 : 1) || last !== action) return false
    // `/interviews/` is the list (a trailing slash), not a session with an empty id.
    if (!action && raw === '') return false
    let id = raw
    try {
      id = decodeURIComponent(raw)
    } catch {
      // Not a valid escape: the raw segment, which fails the UUID check.
    }
    return { matches: true, params: { id } }
  }
}

/**
 * Server-sent events of one user's sessions (see `InterviewHandlersOptions.events`): a `text/event-stream` answer
 * that stays open, written as the db changes. A plain streamed response rather than MSW's `sse()`, which needs an
 * `EventSource` where the handlers are created: this one serves Node tests (`fetch`) and browsers alike.
 */
function sessionEvents(db: InterviewDb, path: string): HttpHandler {
  return http.get(path, ({ request }) => {
    const token = new URL(request.url).searchParams.get('access_token') ?? parseAuthorization(request.headers.get('authorization'))
    const user = token ? db.userByToken(token) : undefined
    if (!user) return HttpResponse.json(UNAUTHORIZED.body, { status: UNAUTHORIZED.status })
    const encoder = new TextEncoder()
    let stop = () => {}
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(': connected\n\n'))
        stop = db.subscribe(({ ownerId, ...session }) => {
          if (ownerId !== user.id) return
          try {
            controller.enqueue(encoder.encode(`event: session\ndata: ${JSON.stringify(session)}\n\n`))
          } catch {
            stop()
          }
        })
        request.signal.addEventListener('abort', () => {
          stop()
          try {
            controller.close()
          } catch {
            // Closed already.
          }
        })
      },
      cancel: () => stop(),
    })
    return new HttpResponse(stream, {
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive' },
    })
  })
}

function ignore(): void {}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve()
    else signal.addEventListener('abort', () => resolve(), { once: true })
  })
}
