import { setupServer, type SetupServer } from 'msw/node'

type Hook = (fn: () => unknown) => void

/** Options of {@link setupInterviewServer}. */
export interface InterviewServerOptions {
  /**
   * What to do with a request no handler answers (MSW's option).
   * @default 'error'
   */
  onUnhandledRequest?: 'error' | 'warn' | 'bypass'
}

/**
 * An MSW server (`msw/node`) for a test file: it listens before the file's tests, drops each test's handlers after it,
 * and closes after the file, through the test runner's `beforeAll` / `afterEach` / `afterAll` (vitest with
 * `globals: true`, or jest). `renderWithInterviewKit` puts a fresh kit's handlers on it for each test.
 *
 * @example
 * ```ts
 * const server = setupInterviewServer()
 * ```
 */
export function setupInterviewServer(options: InterviewServerOptions = {}): SetupServer {
  const hooks = globalThis as { beforeAll?: Hook; afterEach?: Hook; afterAll?: Hook }
  const { beforeAll, afterEach, afterAll } = hooks
  if (!beforeAll || !afterEach || !afterAll) {
    throw new Error(
      'interview-session-kit/testing: setupInterviewServer() needs the test runner\'s beforeAll/afterEach/afterAll ' +
        'globals (vitest: test.globals = true; jest has them). Without them, create the server yourself: ' +
        'setupServer(...createTestInterviewKit().handlers).',
    )
  }
  const server = setupServer()
  beforeAll(() => server.listen({ onUnhandledRequest: options.onUnhandledRequest ?? 'error' }))
  afterEach(() => server.resetHandlers())
  afterAll(() => server.close())
  return server
}
