import type { Scheduler } from 'fast-check'
import { isSessionId, type InterviewSession } from 'interview-session-kit'
import { createInterviewDb, createInterviewHandlers, type MockSessionPatch } from 'interview-session-kit/mocks'
import { getResponse, http, HttpResponse } from 'msw'
import { isDeepStrictEqual } from 'node:util'
import { BASE_URL, type setupMockServer } from '../support/apiHarness'
import { describeRequest, EXPIRED_TOKEN, idInPath, RACE_TOKEN, RACE_USER_ID, sessionName, type Fault } from './raceSessions'

// A fixed clock: every write is stamped one millisecond after the previous one, so a run is the same for its seed.
const CLOCK = new Date('2026-06-01T09:00:00.000Z')

/**
 * The server side of a race run: a fresh mock db and an MSW layer in front of the mock server's own handlers. Once
 * `gated`, every request is parked twice on the fast-check scheduler — before the server reads or writes the db, and
 * before its answer goes out — so the scheduler decides the order in which the server sees requests and the client
 * hears answers. It keeps every version each session had, the sessions changed in another tab since the client last
 * sent anything about them, and the request rules broken (a token missing, an invalid id, two changes in flight).
 */
export function createRaceServer(mock: ReturnType<typeof setupMockServer>, scheduler: Scheduler) {
  const db = createInterviewDb(undefined, { now: () => CLOCK })
  const handlers = createInterviewHandlers({ db, baseUrl: BASE_URL })
  const ids = db.records().filter((record) => record.ownerId === RACE_USER_ID).map((record) => record.id)
  const faults = new Map<string, Fault[]>()
  const history = new Map<string, InterviewSession[]>()
  const dirty = new Set<string>()
  const trace: string[] = []
  const violations: string[] = []
  const changesInFlight = new Map<string, number>()
  const counters = { seq: 0, started: 0, ended: 0, atServer: 0, faults: 0 }
  const state = { gated: false }

  const recordHistory = () => {
    for (const id of ids) {
      const versions = history.get(id) ?? []
      const now = db.get(id)
      if (now && !isDeepStrictEqual(versions.at(-1), now)) versions.push(now)
      history.set(id, versions)
    }
  }
  recordHistory()

  const layer = http.all(`${BASE_URL}/*`, async ({ request }) => {
    const url = new URL(request.url)
    const key = `${request.method} ${url.pathname}${url.search}`
    const label = `${describeRequest(request.method, url)} #${(counters.seq += 1)}`
    counters.atServer += 1
    try {
      if (state.gated) await scheduler.schedule(Promise.resolve(), `→ ${label}`)
      const fault = faults.get(key)?.shift()
      if (fault) counters.faults += 1
      trace.push(`server reads ${label}${fault ? ` [${fault}]` : ''}`)
      const id = idInPath(url)
      // The client learns the server's copy of a session again from any pause/resume it sends: on success it writes
      // the answer everywhere, on failure it revalidates the session and the lists. Unless it gave up on the request
      // before the server read it (an abort, a timeout, a reset): then the server changes it behind the client's back.
      // A 401 teaches the client nothing either.
      if (request.method === 'POST' && id) {
        if (request.signal.aborted) dirty.add(id.toLowerCase())
        else if (request.headers.get('authorization') === `Bearer ${RACE_TOKEN}`) dirty.delete(id.toLowerCase())
      }
      let response: Response | undefined
      if (fault === 'networkError') response = HttpResponse.error()
      else if (fault === 'serverError') response = HttpResponse.json({ error: 'Internal server error' }, { status: 500 })
      else response = await getResponse(handlers, request)
      recordHistory()
      if (!response) {
        violations.push(`unhandled request ${key}`)
        return HttpResponse.error()
      }
      if (fault === 'answerLost') response = HttpResponse.error()
      if (state.gated) await scheduler.schedule(Promise.resolve(), `← ${label}${fault ? ` [${fault}]` : ` ${response.status}`}`)
      trace.push(`client hears ${label}`)
      return response
    } finally {
      counters.atServer -= 1
    }
  })
  mock.server.resetHandlers(layer)

  const onStart = ({ request }: { request: Request }) => {
    counters.started += 1
    const url = new URL(request.url)
    const authorization = request.headers.get('authorization')
    if (authorization !== `Bearer ${RACE_TOKEN}` && authorization !== `Bearer ${EXPIRED_TOKEN}`) {
      violations.push(`${request.method} ${url.pathname} without the token`)
    }
    const id = idInPath(url)
    if (id !== undefined && !isSessionId(id)) violations.push(`${request.method} ${url.pathname}: invalid id sent`)
    if (request.method === 'POST' && id) {
      const open = (changesInFlight.get(id) ?? 0) + 1
      changesInFlight.set(id, open)
      if (open > 1) violations.push(`${open} pause/resume requests in flight for ${sessionName(id)}`)
      // A request the client gave up on has ended for the client: the next one may be sent.
      const end = () => {
        if (ended.has(request)) return
        ended.add(request)
        changesInFlight.set(id, (changesInFlight.get(id) ?? 1) - 1)
      }
      ends.set(request, end)
      request.signal.addEventListener('abort', end, { once: true })
    }
  }
  const ended = new WeakSet<Request>()
  const ends = new WeakMap<Request, () => void>()
  const onEnd = ({ request }: { request: Request }) => {
    counters.ended += 1
    ends.get(request)?.()
  }
  mock.server.events.on('request:start', onStart)
  mock.server.events.on('request:end', onEnd)

  return {
    db,
    /** Alice's sessions: the five the commands act on and the two bystanders. */
    ids,
    history: history as ReadonlyMap<string, readonly InterviewSession[]>,
    dirty: dirty as ReadonlySet<string>,
    trace,
    violations: violations as readonly string[],
    counters,
    state,
    /** Makes the next request with `key` (see `requestKey`) fail with `fault`. */
    armFault(key: string, fault: Fault) {
      faults.set(key, [...(faults.get(key) ?? []), fault])
    },
    /** Faults armed and never used: a harness error (the command predicted a request that was never sent). */
    unusedFaults: () => [...faults].filter(([, left]) => left.length > 0).map(([key, left]) => `${left.join(', ')} for ${key}`),
    clearFaults: () => faults.clear(),
    /** Forgets the faults armed for one session's requests, or all. */
    dropFaults(id?: string) {
      for (const key of [...faults.keys()]) if (id === undefined || key.includes(id)) faults.delete(key)
    },

    /** A change made "in another tab": straight into the db, the client is not told. */
    otherTab(id: string, patch: MockSessionPatch) {
      db.update(id, patch)
      dirty.add(id)
      recordHistory()
      trace.push(`another tab changes ${sessionName(id)}: ${Object.keys(patch).join(', ')}`)
    },
    stopListening() {
      mock.server.events.removeListener('request:start', onStart)
      mock.server.events.removeListener('request:end', onEnd)
    },
  }
}

export type RaceServer = ReturnType<typeof createRaceServer>
