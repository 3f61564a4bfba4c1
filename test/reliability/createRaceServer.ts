import type { Scheduler } from 'fast-check'
import { isSessionId, type InterviewSession } from 'interview-session-kit'
import { createInterviewDb, createInterviewHandlers, type MockSessionPatch } from 'interview-session-kit/mocks'
import { getResponse, http, HttpResponse } from 'msw'
import { isDeepStrictEqual } from 'node:util'
import { BASE_URL, type setupMockServer } from '../support/apiHarness'
import {
  describeRequest,
  EXPIRED_TOKEN,
  idInPath,
  isTabName,
  RACE_TOKEN,
  RACE_USER_ID,
  sessionName,
  TAB_HEADER,
  TABS,
  type Fault,
  type TabName,
} from './raceSessions'

// A fixed clock: every write is stamped one millisecond after the previous one, so a run is the same for its seed.
const CLOCK = new Date('2026-06-01T09:00:00.000Z')

const perTab = <T>(make: () => T): Record<TabName, T> => ({ A: make(), B: make() })

/**
 * The server side of a race run: a fresh mock db and an MSW layer in front of the mock server's own handlers, for the
 * requests of both tabs (each names its tab in a header). Once `gated`, every request is parked twice on the
 * fast-check scheduler — before the server reads or writes the db, and before its answer goes out — so the scheduler
 * decides the order in which the server sees requests and the tabs hear answers. It keeps every version each session
 * had; per tab, the sessions changed behind its back since it last sent anything about them (`dirty`), the sessions
 * it was given since its last reset (`given`: in an answer to it, or pushed), and the pause/resume requests it sent;
 * and the request rules broken (a token missing, an invalid id, two changes of one session in flight in one tab).
 */
export function createRaceServer(mock: ReturnType<typeof setupMockServer>, scheduler: Scheduler) {
  const db = createInterviewDb(undefined, { now: () => CLOCK })
  const handlers = createInterviewHandlers({ db, baseUrl: BASE_URL })
  const ids = db.records().filter((record) => record.ownerId === RACE_USER_ID).map((record) => record.id)
  const faults = new Map<string, Fault[]>()
  const history = new Map<string, InterviewSession[]>()
  const dirty = perTab(() => new Set<string>())
  const given = perTab(() => new Set<string>())
  // Pause/resume requests each tab sent, by `<id> <action>`.
  const posts = perTab(() => new Map<string, number>())
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

  // The sessions a list answer holds, by the versions recorded once the handler ran (no copies out of the db).
  const listed = (url: URL) => {
    const status = url.searchParams.get('status')
    return ids.filter((id) => status === null || history.get(id)?.at(-1)?.status === status)
  }

  const givenTo = (tab: TabName, id: string) => void given[tab].add(id)

  /** The db changed a session: every tab but `except` learns of it only by reading it again. */
  const changedBehind = (id: string, except?: TabName) => {
    for (const tab of TABS) if (tab !== except) dirty[tab].add(id)
  }

  const layer = http.all(`${BASE_URL}/*`, async ({ request }) => {
    const url = new URL(request.url)
    const header = request.headers.get(TAB_HEADER)
    const tab: TabName = isTabName(header) ? header : 'A'
    const key = `${request.method} ${url.pathname}${url.search}`
    const label = `${tab} ${describeRequest(request.method, url)} #${(counters.seq += 1)}`
    counters.atServer += 1
    try {
      if (state.gated) await scheduler.schedule(Promise.resolve(), `→ ${label}`)
      const fault = faults.get(`${tab} ${key}`)?.shift()
      if (fault) counters.faults += 1
      trace.push(`server reads ${label}${fault ? ` [${fault}]` : ''}`)
      const id = idInPath(url)?.toLowerCase()
      const change = request.method === 'POST' && id !== undefined ? { id, before: db.get(id)?.updatedAt } : undefined
      // A tab learns the server's copy of a session again from any pause/resume it sends: on success it writes the
      // answer everywhere, on failure it revalidates the session and the lists. Unless it gave up on the request
      // before the server read it (an abort, a timeout, a reset): then the server changes it behind the tab's back.
      // A 401 teaches the tab nothing either.
      if (change) {
        if (request.signal.aborted) dirty[tab].add(change.id)
        else if (request.headers.get('authorization') === `Bearer ${RACE_TOKEN}`) dirty[tab].delete(change.id)
      }
      let response: Response | undefined
      if (fault === 'networkError') response = HttpResponse.error()
      else if (fault === 'serverError') response = HttpResponse.json({ error: 'Internal server error' }, { status: 500 })
      else response = await getResponse(handlers, request)
      // Only a pause or resume writes to the db. The other tab hears of it only through the channel, which may lose
      // it: for that tab, a change behind its back.
      if (change) {
        recordHistory()
        if (db.get(change.id)?.updatedAt !== change.before) changedBehind(change.id, request.signal.aborted ? undefined : tab)
      }
      if (!response) {
        violations.push(`unhandled request ${key}`)
        return HttpResponse.error()
      }
      if (fault === 'answerLost') response = HttpResponse.error()
      // What the answer gives the tab (known from the db, not read from the body: reading a body takes turns of the
      // event loop that the quiet check does not see). Nothing else runs at the server between the handler and here.
      if (response.ok) for (const sent of id === undefined ? listed(url) : [id]) givenTo(tab, sent)
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
    const header = request.headers.get(TAB_HEADER)
    if (!isTabName(header)) violations.push(`${request.method} ${url.pathname} from no tab (${TAB_HEADER}: ${header})`)
    const tab: TabName = isTabName(header) ? header : 'A'
    const authorization = request.headers.get('authorization')
    if (authorization !== `Bearer ${RACE_TOKEN}` && authorization !== `Bearer ${EXPIRED_TOKEN}`) {
      violations.push(`${tab}: ${request.method} ${url.pathname} without the token`)
    }
    const id = idInPath(url)
    if (id !== undefined && !isSessionId(id)) violations.push(`${tab}: ${request.method} ${url.pathname}: invalid id sent`)
    if (request.method === 'POST' && id) {
      const action = url.pathname.split('/').at(-1) ?? ''
      const sent = `${id.toLowerCase()} ${action}`
      posts[tab].set(sent, (posts[tab].get(sent) ?? 0) + 1)
      // Two tabs may each have a change of one session in flight; one tab never has two.
      const inFlight = `${tab} ${id.toLowerCase()}`
      const open = (changesInFlight.get(inFlight) ?? 0) + 1
      changesInFlight.set(inFlight, open)
      if (open > 1) violations.push(`${tab}: ${open} pause/resume requests in flight for ${sessionName(id)}`)
      // A request the tab gave up on has ended for the tab: the next one may be sent.
      const end = () => {
        if (ended.has(request)) return
        ended.add(request)
        changesInFlight.set(inFlight, (changesInFlight.get(inFlight) ?? 1) - 1)
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
    dirty: dirty as Readonly<Record<TabName, ReadonlySet<string>>>,
    given: given as Readonly<Record<TabName, ReadonlySet<string>>>,
    /** The pause/resume requests a tab sent, by `<id> <action>`. */
    posts: posts as Readonly<Record<TabName, ReadonlyMap<string, number>>>,
    trace,
    violations: violations as readonly string[],
    counters,
    state,
    /** Makes the next request of `tab` with `key` (see `requestKey`) fail with `fault`. */
    armFault(tab: TabName, key: string, fault: Fault) {
      faults.set(`${tab} ${key}`, [...(faults.get(`${tab} ${key}`) ?? []), fault])
    },
    /** Faults armed and never used: a harness error (the command predicted a request that was never sent). */
    unusedFaults: () => [...faults].filter(([, left]) => left.length > 0).map(([key, left]) => `${left.join(', ')} for ${key}`),
    clearFaults: () => faults.clear(),
    /** Forgets the faults armed for one tab's requests of one session, or all of the tab's. */
    dropFaults(tab: TabName, id?: string) {
      for (const key of [...faults.keys()]) if (key.startsWith(`${tab} `) && (id === undefined || key.includes(id))) faults.delete(key)
    },

    /** A change made on another device: straight into the db, no tab is told. */
    otherDevice(id: string, patch: MockSessionPatch) {
      db.update(id, patch)
      changedBehind(id)
      recordHistory()
      trace.push(`another device changes ${sessionName(id)}: ${Object.keys(patch).join(', ')}`)
    },
    /**
     * The server pushed the db's copy of a session to a tab (`receiveSession`): the tab was given it. The current
     * copy tells the tab what the server holds; an older one (a push that arrives late) does not.
     */
    pushed(tab: TabName, id: string, current: boolean) {
      givenTo(tab, id)
      if (current) dirty[tab].delete(id)
      trace.push(`server pushes ${sessionName(id)} to ${tab}${current ? '' : ' (an older copy)'}`)
    },
    /** A tab was reset: what it was given is forgotten. */
    forget(tab: TabName) {
      given[tab].clear()
    },
    stopListening() {
      mock.server.events.removeListener('request:start', onStart)
      mock.server.events.removeListener('request:end', onEnd)
    },
  }
}

export type RaceServer = ReturnType<typeof createRaceServer>
