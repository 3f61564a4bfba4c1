// (a) This library as shipped: `useInterviewSessions` for the list, and a memoized row made of `SessionStatus`,
// `PauseButton` and `ResumeButton`, each subscribing to its own session.
import {
  createInterviewApi,
  createInterviewStore,
  InterviewKitProvider,
  PauseButton,
  ResumeButton,
  SessionStatus,
  useInterviewSessions,
  type InterviewSession,
} from 'interview-session-kit'
import { memo, Profiler } from 'react'
import { Provider } from 'react-redux'
import type { ListFilter } from '../support/benchSeed'
import { countListRender, countRowRender, onProfilerRender } from '../support/renderProbe'
import type { BenchCache, BenchConnection, BenchImplementation } from './BenchImplementation'

function createClient(connection: BenchConnection) {
  // One store per page, as in an app: a tab channel would also reach the bench's earlier stores.
  const api = createInterviewApi({ baseUrl: connection.baseUrl, getAccessToken: () => connection.token, crossTab: false })
  const store = createInterviewStore({ api })
  const isIdle = () =>
    store.dispatch(api.util.getRunningQueriesThunk()).length === 0 &&
    store.dispatch(api.util.getRunningMutationsThunk()).length === 0
  return { api, store, isIdle }
}

const Row = memo(function Row({ sessionId, title }: { sessionId: string; title: string }) {
  countRowRender()
  return (
    <Profiler id={sessionId} onRender={onProfilerRender}>
      <li aria-label={title}>
        {title} <SessionStatus sessionId={sessionId} /> <PauseButton sessionId={sessionId} />
        <ResumeButton sessionId={sessionId} />
      </li>
    </Profiler>
  )
})

function List({ filter }: { filter: ListFilter }) {
  countListRender()
  const { sessions } = useInterviewSessions(filter === 'all' ? undefined : { status: filter })
  return (
    <ul aria-label={filter}>
      {sessions?.map((s) => (
        <Row key={s.id} sessionId={s.id} title={s.title} />
      ))}
    </ul>
  )
}

export const ours: BenchImplementation = {
  key: 'ours',
  label: 'ours',
  optimisticTarget: 'every cached list (and session) entry',
  app(connection, lists) {
    const { api, store, isIdle } = createClient(connection)
    const element = (
      <Provider store={store}>
        <InterviewKitProvider api={api}>
          {lists.map((filter) => (
            <List key={filter} filter={filter} />
          ))}
        </InterviewKitProvider>
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
    const selectList = api.endpoints.listInterviews.select(undefined)
    const data = (): InterviewSession[] | undefined => selectList(store.getState()).data
    return {
      async prepare() {
        await list
      },
      listIndex: (id) => data()?.findIndex((s) => s.id === id) ?? -1,
      pause(id) {
        // What `useInterviewControls().pause()` dispatches (its per-session key included).
        void store.dispatch(api.endpoints.pauseInterview.initiate(id, { fixedCacheKey: `interview-session:${id}` }))
      },
      showsPaused: (_id, index) => data()?.[index]?.status === 'paused',
      isIdle,
      dispose() {
        list.unsubscribe()
        store.dispatch(api.util.resetApiState())
      },
    }
  },
}
