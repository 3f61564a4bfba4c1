import { targetStatus, type InterviewSession } from 'interview-session-kit'
import { listSessions } from 'interview-session-kit/mocks'
import { isDeepStrictEqual } from 'node:util'
import { expect } from 'vitest'
import type { RaceServer } from './createRaceServer'
import { RACE_SESSIONS, RACE_USER_ID, sessionName, statusOf, type Intent, type ListVariant } from './raceSessions'

/** How the invariants read the client's caches. */
export interface CacheReader {
  detail(id: string): InterviewSession | undefined
  list(variant: ListVariant): InterviewSession[] | undefined
  cachedDetails(): string[]
  cachedVariants(): ListVariant[]
}

const isVersionOf = (versions: readonly InterviewSession[], session: InterviewSession, anyStatus: boolean) =>
  versions.some((version) => isDeepStrictEqual(anyStatus ? { ...version, status: session.status } : version, session))

/**
 * The invariants of the race model, checked against the server's db (and every version it had) and the client model
 * (the latest intent per session). Each failure names the session, the cache entry and the last requests.
 */
export function createRaceInvariants(server: RaceServer, caches: CacheReader) {
  const { db, history, dirty } = server
  const { detail, list, cachedDetails, cachedVariants } = caches
  // The most recent copy each cache entry showed of each session: an entry never goes back to an older one.
  const newest = new Map<string, string>()

  function fail(message: string): never {
    throw new Error(`${message}\nlast requests:\n  ${server.trace.slice(-30).join('\n  ')}`)
  }

  /** Never a request without the token or with an invalid id; never two pause/resume requests of a session at once. */
  function checkRequests() {
    if (server.violations.length > 0) fail(server.violations.join('; '))
  }

  /** Every copy of a session the caches hold, with where it is. */
  function copies(): { where: string; session: InterviewSession }[] {
    const found: { where: string; session: InterviewSession }[] = []
    for (const id of cachedDetails()) {
      const session = detail(id)
      if (session) found.push({ where: `detail of ${sessionName(id)}`, session })
    }
    for (const variant of cachedVariants()) {
      for (const session of list(variant) ?? []) found.push({ where: `list:${variant}`, session })
    }
    return found
  }

  /** While requests are in flight: what the caches show follows the latest intent, and nothing else is altered. */
  function checkInFlight(intents: ReadonlyMap<string, Intent>): number {
    checkRequests()
    let intentChecks = 0
    for (const [id, intent] of intents) {
      if (intent.pending === 0) continue
      intentChecks += 1
      const shown = targetStatus(intent.latest)
      const name = sessionName(id)
      const own = detail(id)
      if (own && own.status !== shown) fail(`in flight: detail of ${name} shows ${own.status}, latest intent is ${intent.latest}`)
      // A session no entry holds (every read since a reset is still under way) cannot be shown yet: nothing is known
      // of it but its id. Once any entry holds it, every list it belongs to must show it.
      const known = copies().some((copy) => copy.session.id === id)
      for (const variant of cachedVariants()) {
        // A list still loading its first answer (after a reset) shows nothing yet.
        const items = list(variant)
        if (!items) continue
        const item = items.find((session) => session.id === id)
        const belongs = variant === 'all' || variant === shown
        if (belongs && known && item?.status !== shown) {
          fail(`in flight: list:${variant} shows ${name} as ${item?.status ?? 'absent'}, latest intent is ${intent.latest}`)
        }
        if (!belongs && item) fail(`in flight: list:${variant} still holds ${name}, latest intent is ${intent.latest}`)
      }
    }
    for (const variant of cachedVariants()) {
      const held = list(variant) ?? []
      const heldIds = held.map((session) => session.id)
      if (new Set(heldIds).size !== heldIds.length) fail(`list:${variant} holds a session twice: ${heldIds.map(sessionName).join(', ')}`)
      const stray = held.find((session) => variant !== 'all' && session.status !== variant)
      if (stray) fail(`list:${variant} holds ${sessionName(stray.id)} as ${stray.status}`)
    }
    for (const { where, session } of copies()) {
      const open = (intents.get(session.id)?.pending ?? 0) > 0
      // While a change is open only the status may differ from a version the server had (the intent shown ahead of
      // the server); once the last call settled, the optimistic status is gone at once, before any revalidation.
      if (!isVersionOf(history.get(session.id) ?? [], session, open)) {
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
  function checkSettled(intents: ReadonlyMap<string, Intent>, unusedClientFaults: readonly string[] = []) {
    checkRequests()
    for (const [id, intent] of intents) if (intent.pending > 0) fail(`${sessionName(id)} still has ${intent.pending} calls open`)
    const unused = [...server.unusedFaults(), ...unusedClientFaults]
    if (unused.length > 0) fail(`harness: faults never used: ${unused.join('; ')}`)
    for (const { where, session } of copies()) {
      if (!isVersionOf(history.get(session.id) ?? [], session, false)) {
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
    // A session last changed "in another tab" cannot be known until something reads it again, and a list that reads
    // it does not refresh its detail entry (the hooks show the freshest copy of the two): those are checked exact
    // after `checkExact`'s refetch. Every other session must be exactly the server's, in every cache entry.
    for (const id of server.ids) {
      if (dirty.has(id)) continue
      const truth = db.get(id)
      const name = sessionName(id)
      if ((RACE_SESSIONS as readonly string[]).includes(id)) {
        expect(detail(id), `settled: detail of ${name} equals the server's`).toEqual(truth)
      }
      for (const variant of cachedVariants()) {
        const status = statusOf(variant)
        const item = list(variant)?.find((session) => session.id === id)
        if (status === undefined || truth?.status === status) {
          expect(item, `settled: list:${variant} holds ${name} as the server has it`).toEqual(truth)
        } else if (item) {
          fail(`settled: list:${variant} holds ${name} (${item.status}) but the server says ${truth?.status}`)
        }
      }
    }
  }

  /** Every cache entry is exactly the server's: details, and each list's members, order and contents. */
  function checkExact() {
    checkRequests()
    for (const id of cachedDetails()) expect(detail(id), `detail of ${sessionName(id)}`).toEqual(db.get(id))
    for (const variant of cachedVariants()) {
      const expected = listSessions(db, RACE_USER_ID, statusOf(variant))
      expect(expected.ok).toBe(true)
      if (expected.ok) expect(list(variant), `list:${variant}`).toEqual(expected.sessions)
    }
  }

  /** A reset dropped every cache entry: the entries made afterwards start their history afresh. */
  function forgetEntries() {
    newest.clear()
  }

  return { fail, checkInFlight, checkSettled, checkExact, forgetEntries }
}
