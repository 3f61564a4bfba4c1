import type { InterviewSession } from '../model/index.js'
import { demoSeed } from './demoSeed.js'
import { validateSeed } from './validateSeed.js'

/** A user the mock server knows: the bearer `token` authenticates as `id`. */
export type MockUser = { id: string; token: string; name?: string }

/** A session as the mock server stores it: the API's session plus the id of the user who owns it. */
export type MockSessionRecord = InterviewSession & { ownerId: string }

/** What a mock db starts from (and returns to on `reset()`). */
export type MockSeed = { users?: MockUser[]; sessions?: MockSessionRecord[] }

/** Fields `InterviewDb.update` may change; `updatedAt` defaults to the db's next write time. */
export type MockSessionPatch = Partial<Omit<MockSessionRecord, 'id'>>

/** Options of {@link createInterviewDb}. */
export interface InterviewDbOptions {
  /**
   * The clock used for `updatedAt` on writes.
   * @default () => new Date()
   */
  now?: () => Date
}

/**
 * An in-memory store of users and sessions for one mock server. Every value it returns is a deep copy, so callers
 * can mutate what they get without changing the db. Session ids are looked up case-insensitively (RFC 4122).
 */
export interface InterviewDb {
  /** The session as the server sends it (without `ownerId`), or `undefined`. */
  get(id: string): InterviewSession | undefined
  /** Every session, in seed order, as the server sends them (without `ownerId`). */
  list(): InterviewSession[]
  /** The stored record, `ownerId` included, or `undefined`. */
  record(id: string): MockSessionRecord | undefined
  /** Every stored record, `ownerId` included, in seed order. */
  records(): MockSessionRecord[]
  /** The user a bearer token belongs to, or `undefined`. */
  userByToken(token: string): MockUser | undefined
  /**
   * Changes a session, for example to simulate an edit made in another tab. `updatedAt` is set to the next write
   * time unless the patch gives one. Returns the updated session, or `undefined` when there is no such session.
   * Throws when the patch would make the session invalid (a programmer error).
   */
  update(id: string, patch: MockSessionPatch): InterviewSession | undefined
  /** Puts every user and session back as they were in the seed. */
  reset(): void
  /**
   * Calls `listener` with every session written from now on (by `update`, and so by a pause or resume), with its
   * owner: what a push channel (the handlers' server-sent events) sends. Returns the function that stops it.
   */
  subscribe(listener: (record: MockSessionRecord) => void): () => void
}

/**
 * Creates an independent in-memory db for the mock server. The seed (default {@link demoSeed}) is validated and
 * deep-copied: an invalid session throws an Error naming it, and later writes never touch the seed.
 *
 * Each write stamps `updatedAt` with `now()`, or with one millisecond after the db's latest `updatedAt` when the
 * clock has not moved past it, so timestamps strictly increase and "most recently updated first" is deterministic.
 *
 * @example
 * ```ts
 * const db = createInterviewDb(demoSeed, { now: () => new Date('2026-06-01T09:00:00.000Z') })
 * db.update(DEMO_SESSION_IDS.active, { status: 'paused' }) // "changed in another tab"
 * db.get(DEMO_SESSION_IDS.active)?.status // 'paused'
 * db.reset()
 * ```
 */
export function createInterviewDb(seed: MockSeed = demoSeed, options: InterviewDbOptions = {}): InterviewDb {
  validateSeed(seed)
  const initial = structuredClone(seed)
  const now = options.now ?? (() => new Date())
  let users: MockUser[] = []
  let sessions = new Map<string, MockSessionRecord>()
  let lastWrite = 0
  const listeners = new Set<(record: MockSessionRecord) => void>()

  function load(): void {
    users = structuredClone(initial.users ?? [])
    sessions = new Map((initial.sessions ?? []).map((record) => [record.id, structuredClone(record)]))
    lastWrite = Math.max(0, ...[...sessions.values()].map((record) => Date.parse(record.updatedAt)))
  }

  function nextWriteTime(): string {
    const clock = now().getTime()
    lastWrite = Number.isFinite(clock) && clock > lastWrite ? clock : lastWrite + 1
    return new Date(lastWrite).toISOString()
  }

  load()
  return {
    get: (id) => {
      const record = sessions.get(id.toLowerCase())
      return record && toPublic(record)
    },
    list: () => [...sessions.values()].map(toPublic),
    record: (id) => {
      const record = sessions.get(id.toLowerCase())
      return record && structuredClone(record)
    },
    records: () => [...sessions.values()].map((record) => structuredClone(record)),
    userByToken: (token) => {
      const user = users.find((candidate) => candidate.token === token)
      return user && structuredClone(user)
    },
    update: (id, patch) => {
      const current = sessions.get(id.toLowerCase())
      if (!current) return undefined
      const next: MockSessionRecord = { ...current, ...structuredClone(patch), id: current.id }
      const previousWrite = lastWrite
      if (patch.updatedAt === undefined) next.updatedAt = nextWriteTime()
      try {
        validateSeed({ users, sessions: [next] })
      } catch (error) {
        lastWrite = previousWrite // a rejected patch is not a write
        throw error
      }
      lastWrite = Math.max(lastWrite, Date.parse(next.updatedAt))
      sessions.set(current.id, next)
      for (const listener of [...listeners]) listener(structuredClone(next))
      return toPublic(next)
    },
    reset: load,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

function toPublic(record: MockSessionRecord): InterviewSession {
  const { ownerId: _ownerId, ...session } = structuredClone(record)
  return session
}
