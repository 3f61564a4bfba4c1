import { combineSlices, configureStore } from '@reduxjs/toolkit'
import type { InterviewApi } from './createInterviewApi.js'

/** Options of {@link createInterviewStore}. */
export interface CreateInterviewStoreOptions<ReducerPath extends string> {
  /** The api from `createInterviewApi`. */
  api: InterviewApi<ReducerPath>
  /** Initial state, e.g. a server-rendered cache. */
  preloadedState?: Parameters<InterviewApi<ReducerPath>['reducer']>[0] extends infer S
    ? { [K in ReducerPath]?: S }
    : never
}

/**
 * A Redux store with only the interview api mounted: for apps without Redux of their own, stories and tests. Apps
 * with a store mount `api.reducer` and `api.middleware` in it instead.
 *
 * @example
 * ```tsx
 * const store = createInterviewStore({ api: interviewApi })
 * root.render(<Provider store={store}><App /></Provider>)
 * ```
 */
export function createInterviewStore<ReducerPath extends string>(options: CreateInterviewStoreOptions<ReducerPath>) {
  const { api, preloadedState } = options
  return configureStore({
    reducer: combineSlices(api),
    middleware: (getDefaultMiddleware) => getDefaultMiddleware().concat(api.middleware),
    ...(preloadedState ? { preloadedState: preloadedState as never } : {}),
  })
}

/** The store returned by {@link createInterviewStore}. */
export type InterviewStore<ReducerPath extends string = 'interviewApi'> = ReturnType<
  typeof createInterviewStore<ReducerPath>
>
