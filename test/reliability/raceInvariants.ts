import { targetStatus, type InterviewSession, type StatusAction } from 'interview-session-kit'
import { listSessions } from 'interview-session-kit/mocks'
import { isDeepStrictEqual } from 'node:util'
import { expect } from 'vitest'
import type { RaceServer } from './createRaceServer'
import { RACE_SESSIONS, RACE_USER_ID, sessionName, statusOf, type ListVariant, type TabName } from './raceSessions'

/** How the invariants read one tab's caches. */
export interface CacheReader {
  detail(id: string): InterviewSession | undefined
  list(variant: ListVariant): InterviewSession[] | undefined
  cachedDetails(): string[]
  cachedVariants(): ListVariant[]
}

/** A copy of a session a cache entry holds, and where. */
interface Copy {
  where: string
  session: InterviewSession
}

/** What the model expects of one tab. */
export interface TabExpectation {
  /** The action of the latest call waiting for the session, the tab's own or another tab's it heard of, if any. */
  waiting(id: string): StatusAction | undefined
  /** Pause/resume requests the tab's own calls created, by `<id> <action>`: the most it may send. */
  created(): ReadonlyMap<string, number>
}

const isVersionOf = (versions: readonly InterviewSession[], session: InterviewSession, anyStatus: boolean) =>
  versions.some((version) => isDeepStrictEqual(anyStatus ? { ...version, status: session.status } : version, session))

/** Fails the run: the message, and the last requests and messages of the run. */
export function failRun(server: RaceServer, message: string): never {
  throw new Error(`${message}\nlast requests and messages:\n  ${server.trace.slice(-40).join('\n  ')}`)
}

/**
 * The invariants of the race model for one tab, checked against the server's db (and every version it had) and the
 * model (the latest call waiting per session, the tab's own or another tab's). Each failure names the tab, the
 * session, the cache entry, and the last requests and messages.
 */
export function createRaceInvariants(server: RaceServer, tab: TabName, caches: CacheReader, expected: TabExpectation) {
  const { db, history } = server
  const dirty = server.dirty[tab]
  const { detail, list, cachedDetails, cachedVariants } = caches
  // The most recent copy each cache entry showed of each session: an entry never goes back to an older one.
  const newest = new Map<string, string>()
  // Copies found to be versions the server had, with their status or with any: a copy (frozen, shared by the entries
  // and kept from check to check) stays one, since versions are only ever added.
  const knownVersions = { exact: new WeakSet<InterviewSession>(), anyStatus: new WeakSet<InterviewSession>() }

  function wasVersion(session: InterviewSession, anyStatus: boolean): boolean {
    const known = anyStatus ? knownVersions.anyStatus : knownVersions.exact
    if (known.has(session)) return true
    if (!isVersionOf(history.get(session.id) ?? [], session, anyStatus)) return false
    known.add(session)
    return true
  }

  function fail(message: string): never {
    failRun(server, `tab ${tab}: ${message}`)
  }

  /**
   * Never a request without the token or with an invalid id; never two pause/resume requests of a session at once in
   * one tab; never a pause/resume request the tab's own calls did not create (another tab's change is only shown).
   */
  function checkRequests() {
    if (server.violations.length > 0) fail(server.violations.join('; '))
    const created = expected.created()
    for (const [request, sent] of server.posts[tab]) {
      const allowed = created.get(request) ?? 0
      if (sent > allowed) {
        const [id = '', action] = request.split(' ')
        fail(`sent ${sent} ${action} requests for ${sessionName(id)}, its own calls made ${allowed}`)
      }
    }
  }

  /** A tab shows only sessions it was given: in an answer to its own requests, or pushed to it, since its last reset. */
  function checkGiven(held: readonly Copy[]) {
    for (const { where, session } of held) {
      if (!server.given[tab].has(session.id.toLowerCase())) fail(`${where} holds ${sessionName(session.id)}, which the tab was never given`)
    }
  }

  /** Every copy of a session the caches hold, with where it is. */
  function copies(): Copy[] {
    const found: Copy[] = []
    for (const id of cachedDetails()) {
      const session = detail(id)
      if (session) found.push({ where: `detail of ${sessionName(id)}`, session })
    }
    for (const variant of cachedVariants()) {
      for (const session of list(variant) ?? []) found.push({ where: `list:${variant}`, session })
    }
    return found
  }

  /** While requests are in flight: what the caches show follows the latest call waiting, and nothing else is altered. */
  function checkInFlight(): number {
    checkRequests()
    const held = copies()
    checkGiven(held)
    let intentChecks = 0
    for (const id of RACE_SESSIONS) {
      const latest = expected.waiting(id)
      if (latest === undefined) continue
      intentChecks += 1
      const shown = targetStatus(latest)
      const name = sessionName(id)
      const own = detail(id)
      if (own && own.status !== shown) fail(`in flight: detail of ${name} shows ${own.status}, latest call waiting is ${latest}`)
      // A session no entry holds (every read since a reset is still under way) cannot be shown yet: nothing is known
      // of it but its id. Once any entry holds it, every list it belongs to must show it.
      const known = held.some((copy) => copy.session.id === id)
      for (const variant of cachedVariants()) {
        // A list still loading its first answer (after a reset) shows nothing yet.
        const items = list(variant)
        if (!items) continue
        const item = items.find((session) => session.id === id)
        const belongs = variant === 'all' || variant === shown
        if (belongs && known && item?.status !== shown) {
          fail(`in flight: list:${variant} shows ${name} as ${item?.status ?? 'absent'}, latest call waiting is ${latest}`)
        }
        if (!belongs && item) fail(`in flight: list:${variant} still holds ${name}, latest call waiting is ${latest}`)
      }
    }
    for (const variant of cachedVariants()) {
      const items = list(variant) ?? []
      const itemIds = items.map((session) => session.id)
      if (new Set(itemIds).size !== itemIds.length) fail(`list:${variant} holds a session twice: ${itemIds.map(sessionName).join(', ')}`)
      const stray = items.find((session) => variant !== 'all' && session.status !== variant)
      if (stray) fail(`list:${variant} holds ${sessionName(stray.id)} as ${stray.status}`)
    }
    for (const { where, session } of held) {
      const open = expected.waiting(session.id) !== undefined
      // While a change is open only the status may differ from a version the server had (the intent shown ahead of
      // the server); once the last call settled, the optimistic status is gone at once, before any revalidation.
      if (!wasVersion(session, open)) {
        fail(
          open
            ? `${where}: ${sessionName(session.id)} is no version the server ever had (fields or recentMessages altered)`
            : `${where}: ${sessionName(session.id)} still shows ${session.status}, no version the server had, after its last call settled`,
        )
      }
      const key = `${where}/${session.id}`
      const shown = newest.get(key)
      if (shown !== undefined && session.updatedAt < shown) {
        fail(`${where}: ${sessionName(session.id)} went back from the copy of ${shown} to the older one of ${session.updatedAt}`)
      }
      newest.set(key, shown !== undefined && shown > session.updatedAt ? shown : session.updatedAt)
    }
    return intentChecks
  }

  /** After everything settled and the library's revalidations ran. */
  function checkSettled(unusedClientFaults: readonly string[] = []) {
    checkRequests()
    const held = copies()
    checkGiven(held)
    for (const id of RACE_SESSIONS) {
      const latest = expected.waiting(id)
      if (latest !== undefined) fail(`${sessionName(id)} still has a ${latest} call waiting`)
    }
    const unused = [...server.unusedFaults().filter((fault) => fault.includes(` for ${tab} `)), ...unusedClientFaults]
    if (unused.length > 0) fail(`harness: faults never used: ${unused.join('; ')}`)
    for (const { where, session } of held) {
      if (!wasVersion(session, false)) {
        fail(`settled: ${where} holds ${sessionName(session.id)} as no version the server ever had`)
      }
    }
    for (const variant of cachedVariants()) {
      const items = list(variant) ?? []
      for (let i = 1; i < items.length; i += 1) {
        const [before, after] = [items[i - 1], items[i]]
        if (before && after && (before.updatedAt < after.updatedAt || (before.updatedAt === after.updatedAt && before.id > after.id))) {
          fail(`settled: list:${variant} is not most recently updated first: ${items.map((s) => sessionName(s.id)).join(', ')}`)
        }
      }
    }
    // A session changed behind the tab's back (on another device, or by the other tab: the channel may lose that)
    // cannot be known until something reads it again, and a list that reads it does not refresh its detail entry (the
    // hooks show the freshest copy of the two); a tab that heard of the other tab's failure goes back to its own
    // newest server copy. Those are checked exact after `checkExact`'s refetch. Every other session must be exactly
    // the server's, in every cache entry.
    for (const id of server.ids) {
      if (dirty.has(id)) continue
      const truth = db.get(id)
      const name = sessionName(id)
      if ((RACE_SESSIONS as readonly string[]).includes(id)) {
        expect(detail(id), `tab ${tab}: settled: detail of ${name} equals the server's`).toEqual(truth)
      }
      for (const variant of cachedVariants()) {
        const status = statusOf(variant)
        const item = list(variant)?.find((session) => session.id === id)
        if (status === undefined || truth?.status === status) {
          expect(item, `tab ${tab}: settled: list:${variant} holds ${name} as the server has it`).toEqual(truth)
        } else if (item) {
          fail(`settled: list:${variant} holds ${name} (${item.status}) but the server says ${truth?.status}`)
        }
      }
    }
  }

  /** Every cache entry is exactly the server's: details, and each list's members, order and contents. */
  function checkExact() {
    checkRequests()
    checkGiven(copies())
    for (const id of cachedDetails()) expect(detail(id), `tab ${tab}: detail of ${sessionName(id)}`).toEqual(db.get(id))
    for (const variant of cachedVariants()) {
      const truth = listSessions(db, RACE_USER_ID, statusOf(variant))
      expect(truth.ok).toBe(true)
      if (truth.ok) expect(list(variant), `tab ${tab}: list:${variant}`).toEqual(truth.sessions)
    }
  }

  /** A reset dropped every cache entry: the entries made afterwards start their history afresh. */
  function forgetEntries() {
    newest.clear()
  }

  return { fail, checkInFlight, checkSettled, checkExact, forgetEntries }
}

export type RaceInvariants = ReturnType<typeof createRaceInvariants>
