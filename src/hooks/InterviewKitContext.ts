import { createContext, useContext } from 'react'
import type { InterviewApi } from '../api/index.js'
import type { InterviewLocale, InterviewMessages } from '../i18n/index.js'

/** What `InterviewKitProvider` gives the hooks and components below it. */
export interface InterviewKitContextValue {
  api: InterviewApi<string>
  locale: InterviewLocale
  messages: InterviewMessages
  /** Sessions whose pause/resume button had focus when activated: the button that replaces it takes focus. */
  focusHandoff: Set<string>
}

/** @internal */
export const InterviewKitContext = createContext<InterviewKitContextValue | null>(null)

/** The kit's context; throws an Error naming the fix outside `InterviewKitProvider`. */
export function useInterviewKit(): InterviewKitContextValue {
  const value = useContext(InterviewKitContext)
  if (!value) {
    throw new Error(
      'interview-session-kit: hooks and components must be rendered inside <InterviewKitProvider api={interviewApi}>, ' +
        'itself inside the react-redux <Provider store={store}>.',
    )
  }
  return value
}
