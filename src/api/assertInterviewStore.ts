import type { InterviewApi } from './createInterviewApi.js'
import { kitOf } from './kitRegistry.js'

type StoreAccess = { getState(): unknown; dispatch(action: { type: string }): unknown }

const hasState = (state: unknown, path: string) => typeof state === 'object' && state !== null && path in state

// The fixes are spelled out in development builds only, as RTK does with its own messages.
const reducerFix = (path: string) =>
  `the store has no "${path}" state` +
  (process.env.NODE_ENV !== 'production'
    ? `. Add the api's reducer to your store: configureStore({ reducer: { [api.reducerPath]: api.reducer, …yours } }), ` +
      'or use createInterviewStore({ api })'
    : '')
const middlewareFix = (path: string) =>
  `the api's middleware is missing from the store (reducerPath "${path}")` +
  (process.env.NODE_ENV !== 'production'
    ? '. Add it: configureStore({ …, middleware: (getDefault) => getDefault().concat(api.middleware) })'
    : '')

/**
 * What keeps `store` from running `api`, as an Error that names the fix, or `undefined`. A reducer injected lazily
 * (`combineSlices().inject`) has no state, and a middleware added lazily (`createDynamicMiddleware`) does not run,
 * until the next action: when either looks missing, one no-op action is dispatched before deciding.
 */
export function storeProblem(store: StoreAccess, api: InterviewApi<string>): Error | undefined {
  const path = api.reducerPath
  const attached = () => kitOf(api)?.runtimeFor(store)?.attached === true
  if (!hasState(store.getState(), path) || !attached()) store.dispatch({ type: 'interview-session-kit/probe' })
  const state = hasState(store.getState(), path)
  const middleware = attached()
  if (!state) return new Error(`interview-session-kit: ${reducerFix(path)}.${middleware ? '' : ` Also, ${middlewareFix(path)}.`}`)
  if (!middleware) return new Error(`interview-session-kit: ${middlewareFix(path)}.`)
  return undefined
}

/**
 * Throws an Error that names the fix when `store` cannot run `api`: its reducer is not mounted at `api.reducerPath`,
 * or its middleware is not in the store. A reducer injected lazily (`combineSlices().inject(api)`) has no state
 * until the next action, so this dispatches one no-op action first when the state is missing: call it outside
 * rendering (`InterviewKitProvider` runs the same checks without dispatching during render).
 *
 * @example
 * ```ts
 * const store = configureStore({ reducer: { [interviewApi.reducerPath]: interviewApi.reducer }, middleware: … })
 * assertInterviewStore(store, interviewApi)
 * ```
 */
export function assertInterviewStore<ReducerPath extends string>(store: StoreAccess, api: InterviewApi<ReducerPath>): void {
  const kit = kitOf(api)
  if (!kit) throw new Error('interview-session-kit: assertInterviewStore needs an api made by createInterviewApi().')
  const problem = storeProblem(store, kit.api)
  if (problem) throw problem
}
