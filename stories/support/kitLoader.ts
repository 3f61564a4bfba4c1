import type { Loader, StoryContext } from '@storybook/react-vite'
import type { InterviewApiError } from 'interview-session-kit'
import type { InterviewHandlers, MockScenarioRule } from 'interview-session-kit/mocks'
import type { MswParameter } from 'msw-storybook-addon/csf3'
import { createStoryKit, type StoryKit } from './createStoryKit'
import { kitRouter, routeKit } from './kitRouter'
import { userOf } from './storyGlobals'

/** Per-story settings of the mock server, in `parameters.kit`. */
export interface KitParameters {
  /**
   * Milliseconds every mock answer waits.
   * @default 0
   */
  delayMs?: number
  /** Failure scenarios of the mock server, first matching rule wins (`MockScenarioRule`). */
  scenarios?: readonly MockScenarioRule[]
  /**
   * Shares status changes with this page's other stores that have it on (the api's `crossTab`).
   * @default false
   */
  crossTab?: boolean
  /**
   * Serves the mock server's session events at `/api/interviews/events`.
   * @default false
   */
  events?: boolean
  /**
   * Whether the provider renders its `InterviewFeedback`: `false` for a story that places its own.
   * @default true
   */
  feedback?: boolean
}

// Types `parameters.kit` in stories (the module msw-storybook-addon augments for `parameters.msw`).
declare module 'storybook/internal/csf' {
  interface Parameters {
    kit?: KitParameters
  }
}

/** Every kit `kitLoader` made, with what ends it: its requests, and its route on a docs page. */
const kits = new WeakMap<StoryKit, () => void>()

/**
 * Creates the story's own {@link StoryKit} on every render, from `parameters.kit`, the `user` global and the
 * `onUnauthorized` arg, and puts the MSW handlers of its db in `parameters.msw.handlers.interviews` for
 * `mswLoader`. Groups a story adds to `parameters.msw.handlers` come first, so they override the mock server; a
 * story that sets `interviews` itself replaces it.
 *
 * On a docs page every story renders inline on the page's one worker, so there `mswLoader` gets `kitRouter`, which
 * answers each request with the handlers of the story that sent it.
 *
 * Must run before `mswLoader` and stay synchronous: Storybook starts a level's loaders together, and `mswLoader`
 * reads the parameters only after awaiting its worker.
 */
export const kitLoader: Loader = (context) => {
  const settings = context.parameters.kit ?? {}
  const kit = createStoryKit({
    user: userOf(context.globals),
    delayMs: settings.delayMs,
    scenarios: settings.scenarios,
    crossTab: settings.crossTab,
    events: settings.events,
    onUnauthorized: loginRedirect(context.args.onUnauthorized),
  })
  const msw = withInterviewHandlers(context.parameters.msw, kit.handlers)
  const docs = context.viewMode === 'docs'
  const unroute = docs ? routeKit(kit, msw) : undefined
  kits.set(kit, () => {
    unroute?.()
    kit.dispose()
  })
  // A new parameters object for this render only: the story's own parameters are shared by all of its renders.
  context.parameters = { ...context.parameters, msw: docs ? { handlers: { kitRouter } } : msw }
  return { kit }
}

/** Aborts the requests a story left in flight, and ends its route on a docs page, when Storybook cleans it up. */
export function disposeKit(context: StoryContext): () => void {
  const kit = kitOf(context)
  return () => kits.get(kit)?.()
}

/** The kit `kitLoader` created for this render. */
export function kitOf(context: Pick<StoryContext, 'loaded'>): StoryKit {
  const kit: unknown = context.loaded.kit
  if (!kits.has(kit as StoryKit)) throw new Error('stories: no story kit; is kitLoader in the preview loaders?')
  return kit as StoryKit
}

function loginRedirect(arg: unknown): ((error: InterviewApiError) => void) | undefined {
  return typeof arg === 'function' ? (error) => void arg(error) : undefined
}

function withInterviewHandlers(msw: MswParameter | undefined, interviews: InterviewHandlers): MswParameter {
  const groups = Array.isArray(msw) ? { story: msw } : Array.isArray(msw?.handlers) ? { story: msw.handlers } : msw?.handlers
  const { interviews: replacement, ...overrides } = groups ?? {}
  return { handlers: { ...overrides, interviews: replacement ?? interviews } }
}
