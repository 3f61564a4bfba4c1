import type { InterviewApi } from './createInterviewApi.js'

/** The parts of a Redux store that {@link assertInterviewStore} looks at. */
export interface StoreLike {
  getState(): unknown
  dispatch(action: never): unknown
}

/**
 * Throws an Error that names the fix when `store` cannot run `api`: its reducer is not mounted at `api.reducerPath`,
 * or its middleware is not in the store. Hooks and `InterviewKitProvider` call it once per store.
 */
export function assertInterviewStore<ReducerPath extends string>(store: StoreLike, api: InterviewApi<ReducerPath>): void {
  const path = api.reducerPath
  const mounted = () => {
    const state = store.getState() as Record<string, unknown> | undefined
    return typeof state === 'object' && state !== null && path in state
  }
  // A reducer injected lazily (combineSlices().inject) has no state until the next action: let it initialize.
  if (!mounted()) store.dispatch({ type: 'interview-session-kit/probe' } as never)
  if (!mounted()) {
    throw new Error(
      `interview-session-kit: the store has no "${path}" state. Add the api's reducer to your store: ` +
        `configureStore({ reducer: { [api.reducerPath]: api.reducer, …yours } }), or use createInterviewStore({ api }).`,
    )
  }
  let middlewareState: unknown
  try {
    middlewareState = store.dispatch(api.util.getMiddlewareState() as never)
  } catch {
    middlewareState = undefined
  }
  if (typeof middlewareState !== 'object' || middlewareState === null) {
    throw new Error(
      `interview-session-kit: the api's middleware is missing from the store (reducerPath "${path}"). Add it: ` +
        `configureStore({ …, middleware: (getDefault) => getDefault().concat(api.middleware) }).`,
    )
  }
}
