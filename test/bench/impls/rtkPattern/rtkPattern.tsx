// (b) The RTK Query docs pattern as a list view: the list from `useQuery`, memoized rows with primitive props, each
// row with its own mutation hooks (`isLoading` drives the pending button).
import { configureStore } from '@reduxjs/toolkit'
import type { InterviewSession } from 'interview-session-kit'
import { memo, Profiler } from 'react'
import { Provider } from 'react-redux'
import type { ListFilter } from '../../support/benchSeed'
import { countListRender, countRowRender, onProfilerRender } from '../../support/renderProbe'
import type { BenchCache, BenchConnection, BenchImplementation } from '../BenchImplementation'
import { baselineRowMarkup } from '../baselineRow'
import { createRtkPatternApi, type RtkPatternApi } from './createRtkPatternApi'

function createClient(connection: BenchConnection) {
  const api = createRtkPatternApi(connection.baseUrl, connection.token)
  const store = configureStore({
    reducer: { [api.reducerPath]: api.reducer },
    middleware: (getDefaultMiddleware) => getDefaultMiddleware().concat(api.middleware),
  })
  const isIdle = () =>
    store.dispatch(api.util.getRunningQueriesThunk()).length === 0 &&
    store.dispatch(api.util.getRunningMutationsThunk()).length === 0
  return { api, store, isIdle }
}

function createList(api: RtkPatternApi) {
  const Row = memo(function Row({ id, title, status }: Pick<InterviewSession, 'id' | 'title' | 'status'>) {
    countRowRender()
    const [pause, { isLoading: pausing }] = api.endpoints.pauseInterview.useMutation()
    const [resume, { isLoading: resuming }] = api.endpoints.resumeInterview.useMutation()
    return (
      <Profiler id={id} onRender={onProfilerRender}>
        {baselineRowMarkup({
          title,
          status,
          pausing,
          resuming,
          onPause: () => {
            if (!pausing) void pause(id)
          },
          onResume: () => {
            if (!resuming) void resume(id)
          },
        })}
      </Profiler>
    )
  })

  return function List({ filter }: { filter: ListFilter }) {
    countListRender()
    const { data } = api.endpoints.listInterviews.useQuery(filter === 'all' ? undefined : filter)
    return (
      <ul aria-label={filter}>
        {data?.map((s) => (
          <Row key={s.id} id={s.id} title={s.title} status={s.status} />
        ))}
      </ul>
    )
  }
}

export const rtkPattern: BenchImplementation = {
  key: 'rtk',
  label: 'RTK pattern',
  optimisticTarget: 'the session entry only (the list updates after the refetch)',
  app(connection, lists) {
    const { api, store, isIdle } = createClient(connection)
    const List = createList(api)
    const element = (
      <Provider store={store}>
        {lists.map((filter) => (
          <List key={filter} filter={filter} />
        ))}
      </Provider>
    )
    return {
      element,
      isIdle,
      dispatchUnrelated: () => store.dispatch({ type: 'host/unrelated' }),
      dispose: () => store.dispatch(api.util.resetApiState()),
    }
  },
  cache(connection): BenchCache {
    const { api, store, isIdle } = createClient(connection)
    const list = store.dispatch(api.endpoints.listInterviews.initiate(undefined))
    const details: (PromiseLike<unknown> & { unsubscribe(): void })[] = []
    const selectList = api.endpoints.listInterviews.select(undefined)
    const selectDetail = new Map<string, ReturnType<typeof api.endpoints.getInterview.select>>()
    return {
      async prepare(ids) {
        // The docs pattern writes the session entry: open one per session, as a detail view would.
        for (const id of ids) {
          const detail = store.dispatch(api.endpoints.getInterview.initiate(id))
          details.push(detail)
          selectDetail.set(id, api.endpoints.getInterview.select(id))
        }
        await Promise.all([list, ...details])
      },
      listIndex: (id) => selectList(store.getState()).data?.findIndex((s) => s.id === id) ?? -1,
      pause(id) {
        void store.dispatch(api.endpoints.pauseInterview.initiate(id))
      },
      showsPaused: (id) => selectDetail.get(id)?.(store.getState()).data?.status === 'paused',
      isIdle,
      dispose() {
        list.unsubscribe()
        for (const detail of details) detail.unsubscribe()
        store.dispatch(api.util.resetApiState())
      },
    }
  },
}
