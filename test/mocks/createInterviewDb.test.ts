import type { InterviewSession } from 'interview-session-kit'
import { DEMO_SESSION_IDS, DEMO_TOKENS, DEMO_USERS, createInterviewDb, demoSeed } from 'interview-session-kit/mocks'
import type { MockSeed, MockSessionRecord } from 'interview-session-kit/mocks'

const ids = DEMO_SESSION_IDS

function publicShape(record: MockSessionRecord): InterviewSession {
  const { ownerId: _ownerId, ...session } = record
  return session
}

/** A small seed of one user and one session, built fresh for each test. */
function smallSeed(): MockSeed {
  const session = demoSeed.sessions?.find((record) => record.id === ids.active)
  if (!session) throw new Error('demo seed has no active session')
  return { users: [{ ...DEMO_USERS.alice }], sessions: [structuredClone(session)] }
}

describe('createInterviewDb', () => {
  it('starts from demoSeed when given no seed', () => {
    const db = createInterviewDb()
    expect(db.list()).toEqual(demoSeed.sessions?.map(publicShape))
    expect(db.userByToken(DEMO_TOKENS.alice)).toEqual(DEMO_USERS.alice)
    expect(db.userByToken(DEMO_TOKENS.bob)).toEqual(DEMO_USERS.bob)
    expect(db.userByToken('unknown')).toBeUndefined()
  })

  it('returns sessions without ownerId from get and list, and with it from record and records', () => {
    const db = createInterviewDb()
    expect(db.get(ids.active)).not.toHaveProperty('ownerId')
    expect(db.list().some((session) => 'ownerId' in session)).toBe(false)
    expect(db.record(ids.bobActive)?.ownerId).toBe(DEMO_USERS.bob.id)
    expect(db.records().every((record) => typeof record.ownerId === 'string')).toBe(true)
    expect(db.get(ids.missing)).toBeUndefined()
  })

  it('looks ids up case-insensitively', () => {
    const db = createInterviewDb()
    expect(db.get(ids.active.toUpperCase())?.id).toBe(ids.active)
  })

  it('keeps two dbs independent', () => {
    const first = createInterviewDb()
    const second = createInterviewDb()
    first.update(ids.active, { status: 'paused' })
    expect(first.get(ids.active)?.status).toBe('paused')
    expect(second.get(ids.active)?.status).toBe('active')
  })

  it('reset() restores the seed, users included', () => {
    const db = createInterviewDb()
    const seeded = db.list()
    db.update(ids.active, { status: 'paused', notes: 'changed' })
    db.update(ids.paused, { status: 'active' })
    db.reset()
    expect(db.list()).toEqual(seeded)
    expect(db.userByToken(DEMO_TOKENS.alice)).toEqual(DEMO_USERS.alice)
  })

  it('is not changed by mutating what it returns', () => {
    const db = createInterviewDb()
    const before = db.list()
    const session = db.get(ids.active)
    const record = db.record(ids.active)
    const user = db.userByToken(DEMO_TOKENS.alice)
    if (!session || !record || !user) throw new Error('missing demo data')
    session.status = 'paused'
    session.recentMessages?.pop()
    record.ownerId = DEMO_USERS.bob.id
    user.token = 'stolen'
    db.list()[0]?.labels?.push('mutated')
    expect(db.list()).toEqual(before)
    expect(db.userByToken(DEMO_TOKENS.alice)).toEqual(DEMO_USERS.alice)
  })

  it('is not changed by mutating the seed after creation, and never mutates the seed', () => {
    const seed = smallSeed()
    const pristine = structuredClone(seed)
    const db = createInterviewDb(seed)
    const before = db.list()

    const seeded = seed.sessions?.[0]
    if (!seeded) throw new Error('seed has no session')
    seeded.status = 'completed'
    seeded.recentMessages = []
    expect(db.list()).toEqual(before)

    const fresh = smallSeed()
    const other = createInterviewDb(fresh)
    other.update(ids.active, { status: 'paused' })
    other.reset()
    expect(fresh).toEqual(pristine)
  })

  it('keeps demoSeed deeply frozen, so no test can change another test’s data', () => {
    expect(Object.isFrozen(demoSeed)).toBe(true)
    expect(Object.isFrozen(demoSeed.sessions?.[0]?.recentMessages?.[0]?.output)).toBe(true)
    expect(Object.isFrozen(DEMO_USERS.alice)).toBe(true)
  })

  it('update() changes only the given fields and stamps updatedAt with now()', () => {
    const db = createInterviewDb(undefined, { now: () => new Date('2026-12-01T10:00:00.000Z') })
    const before = db.get(ids.active)
    const after = db.update(ids.active, { notes: 'edited in another tab' })
    expect(after).toEqual({ ...before, notes: 'edited in another tab', updatedAt: '2026-12-01T10:00:00.000Z' })
    expect(db.get(ids.active)).toEqual(after)
    expect(db.update(ids.missing, { status: 'paused' })).toBeUndefined()
  })

  it('update() keeps an explicit updatedAt, and later writes still move past it', () => {
    const db = createInterviewDb(undefined, { now: () => new Date('2026-12-01T10:00:00.000Z') })
    db.update(ids.active, { status: 'paused', updatedAt: '2027-01-01T00:00:00.000Z' })
    expect(db.get(ids.active)?.updatedAt).toBe('2027-01-01T00:00:00.000Z')
    expect(db.update(ids.paused, { status: 'active' })?.updatedAt).toBe('2027-01-01T00:00:00.001Z')
  })

  it('update() throws on a patch that would make the session invalid, and changes nothing', () => {
    const db = createInterviewDb()
    const before = db.list()
    expect(() => db.update(ids.active, { title: 42 as unknown as string })).toThrow(/session "[^"]+": title/)
    expect(db.list()).toEqual(before)
  })

  it('writes strictly increasing updatedAt values with a frozen clock, starting after the newest seed date', () => {
    const frozen = new Date('2026-01-01T00:00:00.000Z') // earlier than every demo date
    const db = createInterviewDb(undefined, { now: () => frozen })
    const newestSeed = Math.max(...db.list().map((session) => Date.parse(session.updatedAt)))

    const stamps = [
      db.update(ids.active, { status: 'paused' }),
      db.update(ids.paused, { status: 'active' }),
      db.update(ids.active2, { status: 'paused' }),
    ].map((session) => Date.parse(session?.updatedAt ?? ''))

    expect(stamps).toEqual([newestSeed + 1, newestSeed + 2, newestSeed + 3])
  })

  it('uses now() when it moves forward, and last + 1 ms when it repeats or goes back', () => {
    const times = ['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.000Z', '2026-11-30T00:00:00.000Z', '2026-12-02T00:00:00.000Z']
    const db = createInterviewDb(undefined, { now: () => new Date(times.shift() ?? 'invalid') })
    const stamps = [ids.active, ids.active2, ids.active3, ids.paused].map((id) => db.update(id, { labels: [] })?.updatedAt)
    expect(stamps).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-01T10:00:00.001Z', '2026-12-01T10:00:00.002Z', '2026-12-02T00:00:00.000Z'])
  })

  it('restarts the clock watermark on reset()', () => {
    const db = createInterviewDb(undefined, { now: () => new Date('2026-01-01T00:00:00.000Z') })
    const first = db.update(ids.active, { status: 'paused' })?.updatedAt
    db.reset()
    expect(db.update(ids.active, { status: 'paused' })?.updatedAt).toBe(first)
  })
})

describe('createInterviewDb seed validation', () => {
  const session = (): MockSessionRecord => {
    const record = smallSeed().sessions?.[0]
    if (!record) throw new Error('seed has no session')
    return record
  }
  const users = [{ ...DEMO_USERS.alice }]

  it('throws an Error naming the session and the issue for an invalid session', () => {
    const bad = { ...session(), title: undefined } as unknown as MockSessionRecord
    expect(() => createInterviewDb({ users, sessions: [bad] })).toThrow(
      new RegExp(`Invalid mock seed: session "${ids.active}": title`),
    )
  })

  it.each([
    ['a non-UUID id', { id: 'session-1' }, /session "session-1": id must be a lowercase UUID/],
    ['an upper-case id', { id: ids.active.toUpperCase() }, /id must be a lowercase UUID/],
    ['an unknown language', { language: 'fr' }, /language/],
    ['a difficulty of 6', { difficulty: 6 }, /difficulty/],
    ['an unparseable updatedAt', { updatedAt: 'yesterday' }, /updatedAt must be an ISO 8601 date/],
    ['an owner who is not a seed user', { ownerId: 'ghost' }, /ownerId "ghost" is not a seed user/],
  ])('rejects a session with %s', (_label, patch, message) => {
    const bad = { ...session(), ...patch } as MockSessionRecord
    expect(() => createInterviewDb({ users, sessions: [bad] })).toThrow(message)
  })

  it('rejects two sessions with the same id', () => {
    expect(() => createInterviewDb({ users, sessions: [session(), session()] })).toThrow(/id is used twice/)
  })

  it('rejects users whose token could never be sent as a bearer token, and duplicate tokens', () => {
    expect(() => createInterviewDb({ users: [{ id: 'u1', token: 'has space' }] })).toThrow(/user "u1": token/)
    expect(() =>
      createInterviewDb({ users: [{ id: 'u1', token: 'same' }, { id: 'u2', token: 'same' }] }),
    ).toThrow(/user "u2": token is used twice/)
  })

  it('accepts an empty seed', () => {
    const db = createInterviewDb({})
    expect(db.list()).toEqual([])
    expect(db.userByToken(DEMO_TOKENS.alice)).toBeUndefined()
  })
})
