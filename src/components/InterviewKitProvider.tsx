import { useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { ReactReduxContext, shallowEqual, useDispatch } from 'react-redux'
import { kitOf, storeProblem, type InterviewApi, type StoreAccess } from '../api/index.js'
import { InterviewKitContext, sharedByRuntime, type KitInternals } from '../hooks/index.js'
import { resolveMessages, type InterviewMessages } from '../i18n/index.js'
import { ProviderFeedback } from './InterviewFeedback.js'
import { useIsomorphicLayoutEffect } from './useIsomorphicLayoutEffect.js'
import { useRevalidateOnFocus } from './useRevalidateOnFocus.js'


/** Props of {@link InterviewKitProvider}. */
export interface InterviewKitProviderProps<ReducerPath extends string> {
  /** The api from `createInterviewApi`, mounted in the surrounding react-redux store. */
  api: InterviewApi<ReducerPath>
  /**
   * The strings the components show, over English: a catalogue (`ko` from `interview-session-kit/locales/ko`, `ja`
   * from `…/locales/ja`, or your own) or a few replacements. Keys left `undefined` keep English.
   */
  messages?: Partial<InterviewMessages>
  /**
   * Renders {@link InterviewFeedback} after the children: the outcome of every pause and resume (a specific message
   * and Retry after a failure, a short success message), for sessions whose `SessionError` / `SessionNotice` you did
   * not place yourself. `false` when you place `InterviewFeedback`, or your own, elsewhere. Several providers on one
   * store (nested, or one per React root) show each outcome once: in an `InterviewFeedback` you placed, else in the
   * first mounted provider's.
   * @default true
   */
  feedback?: boolean
  children?: ReactNode
}

/**
 * Gives the hooks and components their api and messages, and shows the outcome of pauses and resumes (see
 * `feedback`). Place it inside the react-redux `<Provider>` whose store has the api mounted. It throws an Error naming
 * the fix when there is no Provider, or in development (checked after the first render, since the check may
 * dispatch) when the store lacks the api's reducer or middleware. It never dispatches while rendering.
 *
 * @example
 * ```tsx
 * import { ko } from 'interview-session-kit/locales/ko'
 *
 * <Provider store={store}>
 *   <InterviewKitProvider api={interviewApi} messages={ko}>
 *     <SessionStatus sessionId={id} /> <PauseButton sessionId={id} /> <ResumeButton sessionId={id} />
 *   </InterviewKitProvider>
 * </Provider>
 * ```
 */
export function InterviewKitProvider<ReducerPath extends string>(props: InterviewKitProviderProps<ReducerPath>) {
  const { api, messages, feedback = true, children } = props
  const redux = useContext(ReactReduxContext)
  if (!redux) {
    throw new Error(
      process.env.NODE_ENV !== 'production'
        ? 'interview-session-kit: <InterviewKitProvider> must be inside a react-redux <Provider store={store}>. ' +
            'Wrap your app in <Provider store={store}> (or use createInterviewStore({ api }) for a store of its own).'
        : 'interview-session-kit: no react-redux <Provider>',
    )
  }
  const { store } = redux
  const kit = kitOf(api)
  if (!kit) throw new Error('interview-session-kit: <InterviewKitProvider api> must be an api made by createInterviewApi().')
  const dispatch = useDispatch<StoreAccess['dispatch']>()
  const runtime = kit.attach({ getState: store.getState, dispatch })
  // Development only, as RTK checks its own setup. A layout effect: it runs before the components below start their
  // requests (passive effects), so a lazily injected reducer is initialized first. An error thrown here reaches the
  // nearest error boundary.
  useIsomorphicLayoutEffect(() => {
    if (process.env.NODE_ENV === 'production') return
    const problem = storeProblem(store, kit.api)
    if (problem) throw problem
  }, [store, kit])
  useEffect(() => runtime.connect(store.subscribe), [runtime, store])
  useRevalidateOnFocus(dispatch, kit)

  // Per store, not per provider: two providers on one store (nested, or two React roots) follow one change log, so
  // they must agree on who shows each outcome.
  const { focusHandoff, feedbackCoverage } = sharedByRuntime(runtime)
  // An inline `messages={{ … }}` is a new object every render: keep the last one while its strings are the same, so
  // that the context, and every component under it, does not change with each render of the host.
  const [stableMessages, setStableMessages] = useState(messages)
  if (!shallowEqual(stableMessages, messages)) setStableMessages(messages)
  const value = useMemo<KitInternals>(
    () => ({ api: kit.api, messages: resolveMessages(stableMessages), runtime, focusHandoff, feedbackCoverage }),
    [kit, stableMessages, runtime, focusHandoff, feedbackCoverage],
  )
  return (
    <InterviewKitContext.Provider value={value}>
      {children}
      {feedback && <ProviderFeedback />}
    </InterviewKitContext.Provider>
  )
}
