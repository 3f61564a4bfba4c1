import { render, screen, within } from '@testing-library/react'
import { receiveSession } from 'interview-session-kit'
import userEvent from '@testing-library/user-event'
import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { App } from '../src/App'
import { auth, createAppStore } from '../src/store'

const baseUrl = 'http://localhost:3000/api'
const db = createInterviewDb()
const server = setupServer(...createInterviewHandlers({ db, baseUrl }))
/** Every request the server saw: the app's client header (a default of its axios instance) and the request id its request interceptor sets. */
const seen: { client: string | null; requestId: string | null }[] = []
server.events.on('request:start', ({ request }) => {
  seen.push({ client: request.headers.get('x-client'), requestId: request.headers.get('x-request-id') })
})
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
  const start = seen.length
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
  const mine = seen.slice(start)
  expect(mine.length).toBeGreaterThanOrEqual(3)
  expect(new Set(mine.map((request) => request.client))).toEqual(new Set(['consumer-app']))
  expect(mine.every((request) => request.requestId !== null)).toBe(true)
})

it("keeps the app's status true across two tabs and with a session the server pushed", async () => {
  const user = userEvent.setup()
  const tabA = createAppStore(baseUrl, undefined, 'tab-a')
  const tabB = createAppStore(baseUrl, undefined, 'tab-b')
  for (const tab of [tabA, tabB]) tab.store.dispatch(auth.actions.signedIn(DEMO_TOKENS.alice))
  const id = DEMO_SESSION_IDS.active2
  const a = within(render(<App store={tabA.store} api={tabA.interviewApi} sessionId={id} />).container)
  const b = within(render(<App store={tabB.store} api={tabB.interviewApi} sessionId={id} />).container)
  await b.findByRole('button', { name: 'Pause interview' })
  const before = seen.length
  // Paused in tab A: tab B shows it over the tabs' channel, and its Resume button follows.
  await user.click(await a.findByRole('button', { name: 'Pause interview' }))
  await b.findByRole('button', { name: 'Resume interview' })
  expect(b.getByRole('status').textContent).toBe('Paused')
  // Tab A sent the pause; tab B sent nothing for it.
  expect(new Set(seen.slice(before).map((request) => request.client))).toEqual(new Set(['tab-a']))
  // Resumed on another device: the server's push (e.g. from an EventSource) enters tab B's store with receiveSession.
  const resumed = db.update(id, { status: 'active' })
  tabB.store.dispatch(receiveSession(tabB.interviewApi, resumed))
  await b.findByRole('button', { name: 'Pause interview' })
  expect(b.getByRole('status').textContent).toBe('Active')
})
