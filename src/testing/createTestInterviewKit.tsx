import {
  createInterviewApi,
  createInterviewStore,
  InterviewKitProvider,
  type CreateInterviewApiOptions,
  type InterviewApi,
  type InterviewMessages,
  type InterviewStore,
} from 'interview-session-kit'
import {
  createInterviewDb,
  createInterviewHandlers,
  DEMO_TOKENS,
  type InterviewDb,
  type InterviewHandlers,
  type MockScenarioRule,
  type MockSeed,
} from 'interview-session-kit/mocks'
import type { ReactNode } from 'react'
import { Provider } from 'react-redux'
import { waitForIdle } from './waitForIdle.js'

/** Where the test kit's api and mock server meet: absolute, so it works in Node, jsdom and happy-dom alike. */
export const TEST_BASE_URL = 'http://localhost/api'

/** Options of {@link createTestInterviewKit}. */
export interface TestInterviewKitOptions {
  /**
   * What the mock db starts from.
   * @default the demo data (`demoSeed`: users alice and bob, sessions in every status)
   */
  seed?: MockSeed
  /**
   * Who is signed in: a demo user's name, any token (an unknown one is refused with 401), or `null` for nobody.
   * @default 'alice'
   */
  user?: keyof typeof DEMO_TOKENS | (string & {}) | null
  /** Failure scenarios of the mock server, first matching rule wins; `kit.handlers.scenarios` stays live. */
  scenarios?: MockScenarioRule[]
  /** The components' strings (e.g. `ko` from `interview-session-kit/locales/ko`), over English. */
  messages?: Partial<InterviewMessages>
  /**
   * Render the provider's feedback (messages after each pause and resume).
   * @default true
   */
  feedback?: boolean
  /** More options of the api (`onUnauthorized`, `timeoutMs`…). */
  api?: Partial<Omit<CreateInterviewApiOptions, 'getAccessToken'>>
}

/** What {@link createTestInterviewKit} returns: one fresh, independent kit per test. */
export interface TestInterviewKit {
  /** The mock db behind the handlers: read it to check what the server holds, update it for "another device". */
  db: InterviewDb
  /** MSW handlers for the host's own server (`server.use(...kit.handlers)`); `handlers.scenarios` is live. */
  handlers: InterviewHandlers
  api: InterviewApi
  store: InterviewStore
  /** The signed-in token, changeable (`kit.auth.token = 'expired'` makes the next request a 401). */
  auth: { token: string | null }
  /** Both providers (react-redux and the kit's), for `render(ui, { wrapper: kit.Wrapper })`. */
  Wrapper: (props: { children?: ReactNode }) => ReactNode
  /** Resolves once no request of the kit is running (including the refetches its changes start). */
  settle(): Promise<void>
}

function tokenOf(user: TestInterviewKitOptions['user'] = 'alice'): string | null {
  if (user === null) return null
  return Object.hasOwn(DEMO_TOKENS, user) ? DEMO_TOKENS[user as keyof typeof DEMO_TOKENS] : user
}

/**
 * A fresh mock db, its MSW handlers, an api and a store wired to them, and a `Wrapper` with both providers: what a
 * host's test of its own screen needs. It starts no server (hand `handlers` to yours, or use `setupInterviewServer`),
 * keeps no state between calls, and turns off what tests do not want: cross-tab sync, revalidation on focus, retry
 * delays.
 *
 * @example
 * ```tsx
 * const kit = createTestInterviewKit({ user: 'bob' })
 * server.use(...kit.handlers)
 * render(<InterviewPage id={DEMO_SESSION_IDS.active} />, { wrapper: kit.Wrapper })
 * ```
 */
export function createTestInterviewKit(options: TestInterviewKitOptions = {}): TestInterviewKit {
  const db = createInterviewDb(options.seed)
  const handlers = createInterviewHandlers({ db, baseUrl: TEST_BASE_URL, scenarios: options.scenarios ?? [] })
  const auth = { token: tokenOf(options.user) }
  const api = createInterviewApi({
    baseUrl: TEST_BASE_URL,
    crossTab: false,
    revalidateOnFocus: false,
    revalidateOnReconnect: false,
    retryDelay: () => 0,
    ...options.api,
    getAccessToken: () => auth.token,
  })
  const store = createInterviewStore({ api })
  function Wrapper({ children }: { children?: ReactNode }) {
    return (
      <Provider store={store}>
        <InterviewKitProvider api={api} messages={options.messages} feedback={options.feedback}>
          {children}
        </InterviewKitProvider>
      </Provider>
    )
  }
  const settle = () => waitForIdle(store, api)
  return { db, handlers, api, store, auth, Wrapper, settle }
}
