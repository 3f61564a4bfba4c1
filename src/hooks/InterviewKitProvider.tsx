import { useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react'
import { ReactReduxContext, shallowEqual, useDispatch } from 'react-redux'
import { kitOf, storeProblem, type InterviewApi, type StoreAccess } from '../api/index.js'
import { resolveMessages, type InterviewLocale, type InterviewMessages } from '../i18n/index.js'
import { InterviewKitContext, type KitInternals } from './InterviewKitContext.js'

// React 18 warns about layout effects while rendering on the server, where effects do not run anyway.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/** Props of {@link InterviewKitProvider}. */
export interface InterviewKitProviderProps<ReducerPath extends string> {
  /** The api from `createInterviewApi`, mounted in the surrounding react-redux store. */
  api: InterviewApi<ReducerPath>
  /**
   * Language of every string the components show.
   * @default 'en'
   */
  locale?: InterviewLocale
  /** Replacements for some of the locale's strings. */
  messages?: Partial<InterviewMessages>
  children?: ReactNode
}

/**
 * Gives the hooks and components their api, locale and messages. Place it inside the react-redux `<Provider>` whose
 * store has the api mounted; it throws an Error naming the fix when there is no Provider, or the store lacks the
 * api's middleware or reducer. It never dispatches while rendering: a reducer injected lazily
 * (`combineSlices().inject(api)`) is checked after the first render, once an action has initialized it.
 *
 * @example
 * ```tsx
 * <Provider store={store}>
 *   <InterviewKitProvider api={interviewApi} locale="ko">
 *     <PauseButton sessionId={id} />
 *   </InterviewKitProvider>
 * </Provider>
 * ```
 */
export function InterviewKitProvider<ReducerPath extends string>(props: InterviewKitProviderProps<ReducerPath>) {
  const { api, locale = 'en', messages, children } = props
  const redux = useContext(ReactReduxContext)
  if (!redux) {
    throw new Error(
      'interview-session-kit: <InterviewKitProvider> must be inside a react-redux <Provider store={store}>. ' +
        'Wrap your app in <Provider store={store}> (or use createInterviewStore({ api }) for a store of its own).',
    )
  }
  const { store } = redux
  const kit = kitOf(api)
  if (!kit) throw new Error('interview-session-kit: <InterviewKitProvider api> must be an api made by createInterviewApi().')
  const dispatch = useDispatch<StoreAccess['dispatch']>()
  const runtime = kit.attach({ getState: store.getState, dispatch })
  // Checked after rendering: the check may dispatch (a lazily injected reducer or middleware starts with the next
  // action), which is not allowed while rendering.
  // A layout effect: it runs before the components below start their requests (passive effects), so a lazily
  // injected reducer is initialized first. An error thrown here reaches the nearest error boundary.
  useIsomorphicLayoutEffect(() => {
    const problem = storeProblem(store, kit.api)
    if (problem) throw problem
  }, [store, kit])
  useEffect(() => runtime.connect(store.subscribe), [runtime, store])

  const [focusHandoff] = useState(() => new Set<string>())
  // An inline `messages={{ … }}` is a new object every render: keep the last one while its strings are the same, so
  // that the context, and every component under it, does not change with each render of the host.
  const [stableMessages, setStableMessages] = useState(messages)
  if (!shallowEqual(stableMessages, messages)) setStableMessages(messages)
  const value = useMemo<KitInternals>(
    () => ({
      api: kit.api,
      locale,
      messages: resolveMessages(locale, stableMessages),
      runtime,
      focusHandoff,
    }),
    [kit, locale, stableMessages, runtime, focusHandoff],
  )
  return <InterviewKitContext.Provider value={value}>{children}</InterviewKitContext.Provider>
}
