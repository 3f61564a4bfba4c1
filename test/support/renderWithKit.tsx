import { render, type RenderResult } from '@testing-library/react'
import axe from 'axe-core'
import { InterviewKitProvider, type InterviewMessages } from 'interview-session-kit'
import type { MockSeed } from 'interview-session-kit/mocks'
import type { ReactNode } from 'react'
import { Provider } from 'react-redux'
import { expect } from 'vitest'
import { createHarness, type HarnessOptions, type setupMockServer } from './apiHarness'

export interface KitOptions {
  seed?: MockSeed
  token?: string | null
  /** Render the provider's feedback (default true, as the provider does). */
  feedback?: boolean
  messages?: Partial<InterviewMessages>
  /** Options of the api, over the harness's own. */
  api?: HarnessOptions['api']
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
      <InterviewKitProvider api={parts.api} messages={options.messages} feedback={options.feedback}>
        {ui}
      </InterviewKitProvider>
    </Provider>,
  )
  return { ...result, ...parts }
}

function kitParts(mock: ReturnType<typeof setupMockServer>, options: KitOptions) {
  const harness = createHarness(mock, { seed: options.seed, token: options.token, api: options.api })
  const posts = () => mock.log.filter((r) => r.method === 'POST')
  return { ...harness, posts }
}

/** Runs axe on `container` and fails with the violations' ids and targets. */
export async function expectNoAxeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  const violations = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(violations).toEqual([])
}
