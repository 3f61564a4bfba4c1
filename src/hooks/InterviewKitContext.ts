import { createContext, useContext } from 'react'
import type { InterviewApi, SessionRuntime } from '../api/index.js'
import type { InterviewMessages } from '../i18n/index.js'
import type { FeedbackCoverage } from './createFeedbackCoverage.js'
import type { FocusHandoff } from './createFocusHandoff.js'

/** What `useInterviewKit()` gives: the provider's api and messages. */
export interface InterviewKitContextValue {
  api: InterviewApi<string>
  /** Every string the components show: English, with the provider's `messages` applied. */
  messages: InterviewMessages
}

/** The provider's value: the public part, and what the kit's own hooks and components share. */
export interface KitInternals extends InterviewKitContextValue {
  /** The status layer's runtime of the provider's store. */
  runtime: SessionRuntime
  /** Shared by every provider on the store (see `sharedByRuntime`), as the runtime's change log is. */
  focusHandoff: FocusHandoff
  feedbackCoverage: FeedbackCoverage
}

/** @internal */
export const InterviewKitContext = createContext<KitInternals | null>(null)

/** The kit's context, everything included; throws an Error naming the fix outside `InterviewKitProvider`. */
export function useKitInternals(): KitInternals {
  const value = useContext(InterviewKitContext)
  if (!value) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? 'interview-session-kit: hooks and components must be rendered inside <InterviewKitProvider api={interviewApi}>, ' +
            'itself inside the react-redux <Provider store={store}>.'
        : 'interview-session-kit: no <InterviewKitProvider>',
    )
  }
  return value
}

/**
 * The api and messages of the nearest `InterviewKitProvider`, for hooks and components of your own. Throws an Error
 * naming the fix outside it.
 *
 * @example
 * ```tsx
 * const { messages } = useInterviewKit()
 * return <button>{messages.pause}</button>
 * ```
 */
export function useInterviewKit(): InterviewKitContextValue {
  const { api, messages } = useKitInternals()
  return { api, messages }
}
