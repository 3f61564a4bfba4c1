import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { App } from '../src/App'
import { auth, createAppStore } from '../src/store'

const baseUrl = 'http://localhost:3000/api'
const db = createInterviewDb()
const server = setupServer(...createInterviewHandlers({ db, baseUrl }))
const seen: (string | null)[] = []
server.events.on('request:start', ({ request }) => void seen.push(request.headers.get('x-client')))
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())

it('shows a refused pause with the components alone: the specific message, and no Retry', async () => {
  const user = userEvent.setup()
  const { store, interviewApi } = createAppStore(baseUrl)
  store.dispatch(auth.actions.signedIn(DEMO_TOKENS.alice))
  render(<App store={store} api={interviewApi} sessionId={DEMO_SESSION_IDS.active3} />)
  const pause = await screen.findByRole('button', { name: 'Pause interview' })
  // Completed on the server after the page loaded it: the pause is refused with a 400.
  db.update(DEMO_SESSION_IDS.active3, { status: 'completed' })
  await user.click(pause)
  expect((await screen.findByRole('alert')).textContent).toContain('This interview was not found or its status has changed.')
  expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
})

it('pauses and resumes a session through the UI of an app with its own store and api', async () => {
  const user = userEvent.setup()
  const { store, interviewApi } = createAppStore(baseUrl)
  store.dispatch(auth.actions.signedIn(DEMO_TOKENS.alice))
  render(<App store={store} api={interviewApi} sessionId={DEMO_SESSION_IDS.active} />)
  expect(await screen.findByText('Welcome back')).toBeTruthy()
  await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
  await user.click(await screen.findByRole('button', { name: 'Resume interview' }))
  await screen.findByRole('button', { name: 'Pause interview' })
  expect(screen.getByRole('status').textContent).toBe('Active')
  expect(db.get(DEMO_SESSION_IDS.active)?.status).toBe('active')
  expect(Object.keys(store.getState()).sort()).toEqual(['api', 'auth', 'interviewApi'])
  // Through the app's own axios instance: its interceptors ran, and its `res => res.data` did not confuse the kit.
  expect(seen.length).toBeGreaterThanOrEqual(3)
  expect(new Set(seen)).toEqual(new Set(['consumer-app']))
})
