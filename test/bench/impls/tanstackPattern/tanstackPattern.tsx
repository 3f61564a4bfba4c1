// (c) TanStack Query v5 as a list view: the list from `useQuery`, memoized rows with primitive props, each row with
// its own `useMutation` (`isPending` drives the pending button).
import {
  MutationObserver,
  QueryClient,
  QueryClientProvider,
  QueryObserver,
  useMutation,
  useQuery,
} from '@tanstack/react-query'
import type { InterviewSession } from 'interview-session-kit'
import type { AxiosInstance } from 'axios'
import { memo, Profiler } from 'react'
import type { ListFilter } from '../../support/benchSeed'
import { countListRender, countRowRender, onProfilerRender } from '../../support/renderProbe'
import type { BenchCache, BenchImplementation } from '../BenchImplementation'
import { baselineRowMarkup } from '../baselineRow'
import { createHttp } from '../rtkPattern/axiosBaseQuery'
import { interviewKeys, listQueryOptions, statusMutationOptions } from './interviewQueries'

function createList(http: AxiosInstance) {
  const pauseOptions = statusMutationOptions(http, 'pause')
  const resumeOptions = statusMutationOptions(http, 'resume')

  const Row = memo(function Row({ id, title, status }: Pick<InterviewSession, 'id' | 'title' | 'status'>) {
    countRowRender()
    const pause = useMutation(pauseOptions)
    const resume = useMutation(resumeOptions)
    return (
      <Profiler id={id} onRender={onProfilerRender}>
        {baselineRowMarkup({
          title,
          status,
          pausing: pause.isPending,
          resuming: resume.isPending,
          onPause: () => {
            if (!pause.isPending) pause.mutate(id)
          },
          onResume: () => {
            if (!resume.isPending) resume.mutate(id)
          },
        })}
      </Profiler>
    )
  })

  return function List({ filter }: { filter: ListFilter }) {
    countListRender()
    const { data } = useQuery(listQueryOptions(http, filter))
    return (
      <ul aria-label={filter}>
        {data?.map((s) => (
          <Row key={s.id} id={s.id} title={s.title} status={s.status} />
        ))}
      </ul>
    )
  }
}

export const tanstackPattern: BenchImplementation = {
  key: 'tanstack',
  label: 'TanStack',
  optimisticTarget: 'every cached list entry',
  app(connection, lists) {
    const client = new QueryClient()
    const List = createList(createHttp(connection.baseUrl, connection.token))
    const element = (
      <QueryClientProvider client={client}>
        {lists.map((filter) => (
          <List key={filter} filter={filter} />
        ))}
      </QueryClientProvider>
    )
    return {
      element,
      isIdle: () => client.isFetching() === 0 && client.isMutating() === 0,
      dispose: () => client.clear(),
    }
  },
  cache(connection): BenchCache {
    const client = new QueryClient()
    const http = createHttp(connection.baseUrl, connection.token)
    const list = new QueryObserver(client, listQueryOptions(http, 'all'))
    const unsubscribe = list.subscribe(() => {})
    const pauseOptions = statusMutationOptions(http, 'pause')
    const data = () => client.getQueryData<InterviewSession[]>(interviewKeys.list('all'))
    return {
      async prepare() {
        await list.refetch()
      },
      listIndex: (id) => data()?.findIndex((s) => s.id === id) ?? -1,
      pause(id) {
        // What `useMutation(options).mutate(id)` does: one MutationObserver per caller.
        new MutationObserver(client, pauseOptions).mutate(id).catch(() => {})
      },
      showsPaused: (_id, index) => data()?.[index]?.status === 'paused',
      isIdle: () => client.isFetching() === 0 && client.isMutating() === 0,
      dispose() {
        unsubscribe()
        client.clear()
      },
    }
  },
}
