import { isSessionId } from 'interview-session-kit'
import { parseSession } from 'interview-session-kit/schema'
import { DEMO_SESSION_IDS, DEMO_TOKENS, DEMO_USERS, createInterviewDb, demoSeed } from 'interview-session-kit/mocks'

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const sessions = demoSeed.sessions ?? []
const byId = (id: string) => sessions.find((session) => session.id === id)

describe('demoSeed', () => {
  it('has alice and bob, each with the token exported in DEMO_TOKENS', () => {
    expect(demoSeed.users).toEqual([DEMO_USERS.alice, DEMO_USERS.bob])
    expect([DEMO_USERS.alice.token, DEMO_USERS.bob.token]).toEqual([DEMO_TOKENS.alice, DEMO_TOKENS.bob])
  })

  it('gives alice several active, several paused, one completed and one "archived" session', () => {
    const mine = sessions.filter((session) => session.ownerId === DEMO_USERS.alice.id)
    const count = (status: string) => mine.filter((session) => session.status === status).length
    expect(count('active')).toBeGreaterThanOrEqual(2)
    expect(count('paused')).toBeGreaterThanOrEqual(2)
    expect(count('completed')).toBe(1)
    expect(count('archived')).toBe(1)
  })

  it('gives every DEMO_SESSION_IDS role the session it names', () => {
    expect(byId(DEMO_SESSION_IDS.active)).toMatchObject({ status: 'active', ownerId: DEMO_USERS.alice.id })
    expect(byId(DEMO_SESSION_IDS.active2)).toMatchObject({ status: 'active', ownerId: DEMO_USERS.alice.id })
    expect(byId(DEMO_SESSION_IDS.paused)).toMatchObject({ status: 'paused', ownerId: DEMO_USERS.alice.id })
    expect(byId(DEMO_SESSION_IDS.completed)).toMatchObject({ status: 'completed', ownerId: DEMO_USERS.alice.id })
    expect(byId(DEMO_SESSION_IDS.unknownStatus)).toMatchObject({ status: 'archived', ownerId: DEMO_USERS.alice.id })
    expect(byId(DEMO_SESSION_IDS.bobActive)).toMatchObject({ status: 'active', ownerId: DEMO_USERS.bob.id })
    expect(isSessionId(DEMO_SESSION_IDS.missing)).toBe(true)
    expect(byId(DEMO_SESSION_IDS.missing)).toBeUndefined()
  })

  it('uses fixed lowercase v4-layout UUIDs for every id', () => {
    const allIds = [
      ...Object.values(DEMO_SESSION_IDS),
      DEMO_USERS.alice.id,
      DEMO_USERS.bob.id,
      ...sessions.flatMap((session) => [
        session.id,
        session.interviewerId,
        session.conversationId ?? '',
        ...(session.recentMessages ?? []).flatMap((message) => [message.id, message.conversationId]),
      ]),
    ]
    expect(allIds.filter((id) => !V4.test(id))).toEqual([])
  })

  it('is valid session data with ISO 2026 dates and realistic content in ko, en and ja', () => {
    expect(sessions.map((session) => parseSession(session).ok)).not.toContain(false)
    expect(new Set(sessions.map((session) => session.language))).toEqual(new Set(['ko', 'en', 'ja']))
    for (const session of sessions) {
      expect(session.createdAt.startsWith('2026-') && session.updatedAt.startsWith('2026-')).toBe(true)
      expect(new Date(session.updatedAt).toISOString()).toBe(session.updatedAt)
      expect(session.topicIds.length).toBeGreaterThan(0)
      expect(session.recentMessages?.length).toBeGreaterThanOrEqual(2)
      for (const message of session.recentMessages ?? []) {
        expect(message.conversationId).toBe(session.conversationId)
        expect(message.output).toEqual({ text: expect.any(String), finishReason: 'stop' })
        expect(message.usage).toMatchObject({ promptTokens: expect.any(Number), completionTokens: expect.any(Number) })
        expect(message.metadata).toMatchObject({ turn: expect.any(Number) })
      }
      if (session.language === 'ko') expect(session.title).toMatch(/[가-힣]/)
      if (session.language === 'ja') expect(session.title).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
    }
    expect(sessions.some((session) => session.retryPolicy !== undefined)).toBe(true)
    expect(sessions.some((session) => session.notes !== undefined && session.labels !== undefined)).toBe(true)
  })

  it('builds a db without throwing', () => {
    expect(() => createInterviewDb(demoSeed)).not.toThrow()
  })
})
