import { render, type RenderOptions, type RenderResult } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { SetupServer } from 'msw/node'
import type { ReactNode } from 'react'
import { createTestInterviewKit, type TestInterviewKit, type TestInterviewKitOptions } from './createTestInterviewKit.js'

/** Options of {@link renderWithInterviewKit}. */
export interface RenderWithInterviewKitOptions extends TestInterviewKitOptions {
  /** The test file's server (`setupInterviewServer()`): the kit's handlers are put on it for this test. */
  server: Pick<SetupServer, 'use'>
  /** Testing Library's own render options (`container`, `baseElement`…); the wrapper is the kit's. */
  render?: Omit<RenderOptions, 'wrapper'>
}

/** What {@link renderWithInterviewKit} returns: Testing Library's result, the kit, and a `userEvent` instance. */
export type InterviewKitRenderResult = RenderResult & TestInterviewKit & { user: ReturnType<typeof userEvent.setup> }

/**
 * Renders `ui` inside a fresh kit (`createTestInterviewKit`) whose mock server answers on `options.server`, and
 * returns Testing Library's result with the kit (`db`, `store`, `auth`, `handlers`…) and a `userEvent` instance.
 *
 * @example
 * ```tsx
 * const server = setupInterviewServer()
 *
 * it('pauses', async () => {
 *   const { user, db } = renderWithInterviewKit(<InterviewPage id={DEMO_SESSION_IDS.active} />, { server })
 *   await user.click(await screen.findByRole('button', { name: 'Pause interview' }))
 *   expect(await screen.findByText('Interview paused')).toBeVisible()
 *   expect(db.get(DEMO_SESSION_IDS.active)?.status).toBe('paused')
 * })
 * ```
 */
export function renderWithInterviewKit(ui: ReactNode, options: RenderWithInterviewKitOptions): InterviewKitRenderResult {
  const { server, render: renderOptions, ...kitOptions } = options
  const kit = createTestInterviewKit(kitOptions)
  server.use(...kit.handlers)
  const user = userEvent.setup()
  const result = render(ui, { ...renderOptions, wrapper: kit.Wrapper })
  return { ...result, ...kit, user }
}
