import type { StandardSchemaV1 } from '@standard-schema/spec'
import type { InterviewSession } from 'interview-session-kit'
import { DEMO_SESSION_IDS } from 'interview-session-kit/mocks'
import { sessionSchema } from 'interview-session-kit/schema'
import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { BASE_URL, createHarness, setupMockServer } from '../support/apiHarness'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active

// A session whose every field the cache relies on is fine, with two fields of the contract of the wrong type.
const wrongTypes = (session: InterviewSession | undefined) => ({ ...session, progress: '40%', topicIds: 'a,b' })

const zodSession = z.looseObject({
  id: z.string(),
  status: z.string(),
  updatedAt: z.string(),
  progress: z.number(),
  topicIds: z.array(z.string()),
})

describe('without sessionSchema', () => {
  it('accepts a session whose other fields are the server’s business, and shows it as sent', async () => {
    const h = createHarness(mock)
    mock.server.use(http.get(`${BASE_URL}/interviews/:id`, () => HttpResponse.json(wrongTypes(h.db.get(ID))), { once: true }))
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.data).toMatchObject({ id: ID, progress: '40%' })
  })
})

describe.each([
  ['the valibot schema of interview-session-kit/schema', sessionSchema],
  ['a zod schema (any Standard Schema v1)', zodSession],
])('with %s', (_name, schema) => {
  it('turns a session with fields of the wrong type into invalidResponse, naming them, and keeps the cache', async () => {
    const h = createHarness(mock, { api: { sessionSchema: schema } })
    const first = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(first.data).toEqual(h.db.get(ID))
    mock.server.use(http.get(`${BASE_URL}/interviews/:id`, () => HttpResponse.json(wrongTypes(h.db.get(ID))), { once: true }))
    const second = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID, { forceRefetch: true }))
    expect(second.error).toMatchObject({ kind: 'invalidResponse', status: 200 })
    const issues = second.error && 'issues' in second.error ? second.error.issues.join('\n') : ''
    expect(issues).toMatch(/progress/)
    expect(issues).toMatch(/topicIds/)
    expect(h.detail(ID)).toBe(first.data)
  })

  it('rejects a list with one such session as a whole', async () => {
    const h = createHarness(mock, { api: { sessionSchema: schema } })
    mock.server.use(
      http.get(`${BASE_URL}/interviews`, () => HttpResponse.json([h.db.get(DEMO_SESSION_IDS.active2), wrongTypes(h.db.get(ID))]), {
        once: true,
      }),
    )
    const result = await h.store.dispatch(h.api.endpoints.listInterviews.initiate())
    expect(result.error).toMatchObject({ kind: 'invalidResponse' })
    expect(result.error && 'issues' in result.error ? result.error.issues.join('\n') : '').toMatch(/^1\./)
  })

  it('validates the answer to a pause, and lets a good one through', async () => {
    const h = createHarness(mock, { api: { sessionSchema: schema } })
    // The server pauses, but answers with fields of the wrong type.
    mock.server.use(
      http.post(`${BASE_URL}/interviews/:id/pause`, () => HttpResponse.json(wrongTypes(h.db.update(ID, { status: 'paused' }))), {
        once: true,
      }),
    )
    const refused = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(refused.error).toMatchObject({ kind: 'invalidResponse', status: 200 })
    expect(refused.error && 'issues' in refused.error ? refused.error.issues.join('\n') : '').toMatch(/progress/)
    h.db.update(ID, { status: 'active' })
    await h.settle()
    const result = await h.store.dispatch(h.api.endpoints.pauseInterview.initiate(ID))
    expect(result.data).toEqual(h.db.get(ID))
  })
})

describe('a schema that is async, or throws', () => {
  it('awaits an async schema', async () => {
    const asyncSchema: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: async (value) => ({ value }),
      },
    }
    const h = createHarness(mock, { api: { sessionSchema: asyncSchema } })
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.data).toEqual(h.db.get(ID))
  })

  it('turns a schema that throws into invalidResponse, never a thrown request', async () => {
    const throwing: StandardSchemaV1 = {
      '~standard': {
        version: 1,
        vendor: 'test',
        validate: () => {
          throw new Error('schema bug')
        },
      },
    }
    const h = createHarness(mock, { api: { sessionSchema: throwing } })
    const result = await h.store.dispatch(h.api.endpoints.getInterview.initiate(ID))
    expect(result.error).toMatchObject({ kind: 'invalidResponse', issues: ['sessionSchema threw: schema bug'] })
    expect(h.requests).toHaveLength(1)
  })
})
