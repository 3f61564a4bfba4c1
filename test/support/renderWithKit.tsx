import { render, type RenderResult } from '@testing-library/react'
import axe from 'axe-core'
import {
  createInterviewApi,
  createInterviewStore,
  InterviewKitProvider,
  type InterviewApiError,
  type InterviewLocale,
  type InterviewMessages,
} from 'interview-session-kit'
import {
  createInterviewDb,
  createInterviewHandlers,
  DEMO_TOKENS,
  type MockScenarioRule,
  type MockSeed,
} from 'interview-session-kit/mocks'
import type { ReactNode } from 'react'
import { Provider } from 'react-redux'
import { expect } from 'vitest'
import { BASE_URL, type setupMockServer } from './apiHarness'

export interface KitOptions {
  seed?: MockSeed
  token?: string | null
  locale?: InterviewLocale
  messages?: Partial<InterviewMessages>
}

/** Renders `ui` inside a fresh store, mock db and `InterviewKitProvider`. */
export function renderWithKit(
  mock: ReturnType<typeof setupMockServer>,
  ui: ReactNode,
  options: KitOptions = {},
): RenderResult & ReturnType<typeof kitParts> {
  const parts = kitParts(mock, options)
  const result = render(
    <Provider store={parts.store}>
      <InterviewKitProvider api={parts.api} locale={options.locale} messages={options.messages}>
        {ui}
      </InterviewKitProvider>
    </Provider>,
  )
  return { ...result, ...parts }
}

function kitParts(mock: ReturnType<typeof setupMockServer>, options: KitOptions) {
  const db = createInterviewDb(options.seed)
  const scenarios: MockScenarioRule[] = []
  mock.server.resetHandlers(...createInterviewHandlers({ db, baseUrl: BASE_URL, scenarios }))
  const unauthorized: InterviewApiError[] = []
  const auth = { token: options.token === undefined ? DEMO_TOKENS.alice : options.token }
  const api = createInterviewApi({
    baseUrl: BASE_URL,
    getAccessToken: () => auth.token,
    onUnauthorized: (error) => unauthorized.push(error),
    retryDelay: () => 5,
  })
  const store = createInterviewStore({ api })
  const posts = () => mock.log.filter((r) => r.method === 'POST')
  return { db, scenarios, unauthorized, auth, api, store, posts }
}

/** Runs axe on `container` and fails with the violations' ids and targets. */
export async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(violations).toEqual([])
}
