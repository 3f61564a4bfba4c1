import axios from 'axios'
import {
  createInterviewApi,
  createInterviewStore,
  type InterviewApi,
  type InterviewApiError,
  type InterviewStore,
} from 'interview-session-kit'
import {
  createHold,
  createInterviewDb,
  createInterviewHandlers,
  DEMO_TOKENS,
  demoSeed,
  type InterviewDb,
  type InterviewHandlers,
  type MockEndpoint,
  type MockScenarioRule,
} from 'interview-session-kit/mocks'

/** A demo user who can sign in to the stories. */
export type DemoUser = keyof typeof DEMO_TOKENS

/** Options of {@link createStoryKit}. */
export interface StoryKitOptions {
  /** The signed-in demo user: the api sends this user's token. */
  user: DemoUser
  /**
   * Milliseconds every mock answer waits.
   * @default 0
   */
  delayMs?: number
  /** Failure scenarios of the mock server, first matching rule wins. */
  scenarios?: readonly MockScenarioRule[]
  /** The api's login redirect. */
  onUnauthorized?: (error: InterviewApiError) => void
  /**
   * Shares status changes with the other stores of this page that have it on, as tabs of one app do.
   * @default false (a docs page shows many stories: they are not tabs of one app)
   */
  crossTab?: boolean
  /**
   * Serves the mock server's session events (`createInterviewHandlers({ events: true })`).
   * @default false
   */
  events?: boolean
  /**
   * Another kit whose mock server (db, handlers and route) this kit talks to, as a second tab or device of the same
   * user does; `delayMs`, `scenarios` and `events` are then that kit's.
   */
  server?: StoryKit
}

/** Everything one story renders against: its own mock db, MSW handlers, api and store. */
export interface StoryKit {
  /**
   * Distinct for every kit, to remount the story's tree when the kit changes; sent with every request of the kit in
   * the `x-story-kit` header.
   */
  id: number
  db: InterviewDb
  /** The MSW handlers of `db`; `handlers.scenarios` is live. */
  handlers: InterviewHandlers
  api: InterviewApi
  store: InterviewStore
  /** Every request this kit's api sent, as `METHOD /path`, oldest first. */
  requests: string[]
  /** Holds the next answer of `endpoint` until the returned function is called. */
  hold(endpoint: MockEndpoint): () => void
  /** Aborts every request of this kit still in flight (a `hang` scenario then settles). */
  dispose(): void
}

/**
 * The request header that names the kit whose mock server answers a request (see `kitRouter`); a request that cannot
 * set headers (an `EventSource`) names it in a query parameter of the same name.
 */
export const STORY_KIT_HEADER = 'x-story-kit'

let kits = 0

/**
 * A fresh mock db seeded with `demoSeed`, its MSW handlers on `/api`, and a fresh api and store that talk to them:
 * nothing is shared with any other story or test, unless `options.server` names a kit whose server to share.
 */
export function createStoryKit(options: StoryKitOptions): StoryKit {
  const db = options.server?.db ?? createInterviewDb(demoSeed)
  const handlers =
    options.server?.handlers ??
    createInterviewHandlers({
      db,
      baseUrl: '/api',
      delayMs: options.delayMs ?? 0,
      scenarios: [...(options.scenarios ?? [])],
      events: options.events ?? false,
    })
  const id = ++kits
  const route = String(options.server?.id ?? id)
  const requests: string[] = []
  const disposed = new AbortController()
  const axiosInstance = axios.create()
  // The api gives every request a signal of its own; adding the kit's lets `dispose()` end them all.
  axiosInstance.interceptors.request.use((config) => {
    const signals = [disposed.signal, config.signal].filter((signal): signal is AbortSignal => signal instanceof AbortSignal)
    config.headers.set(STORY_KIT_HEADER, route)
    requests.push(`${(config.method ?? 'get').toUpperCase()} ${config.url ?? ''}`)
    return { ...config, signal: AbortSignal.any(signals) }
  })
  const api = createInterviewApi({
    baseUrl: '/api',
    getAccessToken: () => DEMO_TOKENS[options.user],
    onUnauthorized: options.onUnauthorized,
    axiosInstance,
    crossTab: options.crossTab ?? false,
  })
  const store = createInterviewStore({ api })
  return {
    id,
    db,
    handlers,
    api,
    store,
    requests,
    hold(endpoint) {
      const held = createHold()
      handlers.scenarios.unshift({ endpoint, times: 1, scenario: held.scenario })
      return held.release
    },
    dispose: () => disposed.abort(),
  }
}
