// The seed document's two example clients, adapted only to take the base URL, run against the mock server.
import axios from 'axios'
import { DEMO_SESSION_IDS, DEMO_TOKENS, createInterviewDb, createInterviewHandlers } from 'interview-session-kit/mocks'
import { http } from 'msw'
import { setupServer } from 'msw/node'
import { BASE_URL } from './mockApi'

// --- The seed's "Using Fetch API" example ---
async function pauseInterviewWithFetch(baseUrl: string, sessionId: string, accessToken: string) {
  try {
    const response = await fetch(`${baseUrl}/interviews/${sessionId}/pause`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${accessToken}`,
        'Content-Type': 'application/json',
      },
    })

    if (!response.ok) {
      const error = await response.json()
      throw new Error(error.error || 'Failed to pause interview')
    }

    const updatedSession = await response.json()
    return updatedSession
  } catch (error) {
    console.error('Error pausing interview:', error)
    throw error
  }
}

// --- The seed's "Using Axios" example ---
async function pauseInterviewWithAxios(baseUrl: string, sessionId: string, accessToken: string) {
  try {
    const response = await axios.post(
      `${baseUrl}/interviews/${sessionId}/pause`,
      {}, // Empty body
      {
        headers: {
          Authorization: `Bearer ${accessToken}`,
        },
      },
    )

    return response.data
  } catch (error) {
    if (axios.isAxiosError(error)) {
      // oxlint-disable-next-line preserve-caught-error -- the seed's code as written (it drops the cause)
      throw new Error(error.response?.data?.error || 'Failed to pause interview')
    }
    throw error
  }
}

const server = setupServer()
let seenBodies: string[]

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  const db = createInterviewDb()
  seenBodies = []
  server.use(
    // Records the body each client sends, then falls through (no response) to the mock server's handler.
    http.post(`${BASE_URL}/interviews/:id/pause`, async ({ request }) => {
      seenBodies.push(await request.clone().text())
    }),
    ...createInterviewHandlers({ db, baseUrl: BASE_URL }),
  )
  // The fetch client logs every failure; keep the test output quiet.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => {
  server.resetHandlers()
  vi.restoreAllMocks()
})
afterAll(() => server.close())

const clients = [
  ['fetch (no body)', pauseInterviewWithFetch, ''],
  ['axios ({} body)', pauseInterviewWithAxios, '{}'],
] as const

describe.each(clients)('the seed’s %s client', (_name, pauseInterview, sentBody) => {
  it('pauses an active session and gets it back with status "paused"', async () => {
    const session = await pauseInterview(BASE_URL, DEMO_SESSION_IDS.active, DEMO_TOKENS.alice)
    expect(session).toMatchObject({ id: DEMO_SESSION_IDS.active, status: 'paused' })
    expect(seenBodies).toEqual([sentBody])
  })

  it('surfaces "Unauthorized" for an unknown token (401)', async () => {
    await expect(pauseInterview(BASE_URL, DEMO_SESSION_IDS.active, 'expired-token')).rejects.toThrow(/^Unauthorized$/)
  })

  it('surfaces "Forbidden" for another user’s session (403)', async () => {
    await expect(pauseInterview(BASE_URL, DEMO_SESSION_IDS.bobActive, DEMO_TOKENS.alice)).rejects.toThrow(/^Forbidden$/)
  })

  it('surfaces "Failed to pause interview" for a session that is not active (404)', async () => {
    await expect(pauseInterview(BASE_URL, DEMO_SESSION_IDS.paused, DEMO_TOKENS.alice)).rejects.toThrow(
      /^Failed to pause interview$/,
    )
  })

  it('surfaces "Failed to pause interview" for a session that does not exist (404)', async () => {
    await expect(pauseInterview(BASE_URL, DEMO_SESSION_IDS.missing, DEMO_TOKENS.alice)).rejects.toThrow(
      /^Failed to pause interview$/,
    )
  })
})
