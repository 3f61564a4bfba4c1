import type { InterviewApi, InterviewStore } from 'interview-session-kit'

/**
 * Resolves once no query or mutation of `api` is running in `store`, the refetches they trigger included; rejects
 * after `rounds` rounds of requests that keep coming.
 */
export async function waitForIdle<ReducerPath extends string>(
  store: Pick<InterviewStore, 'dispatch'>,
  api: InterviewApi<ReducerPath>,
  rounds = 200,
): Promise<void> {
  for (let round = 0; round < rounds; round += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    const running = [...store.dispatch(api.util.getRunningQueriesThunk()), ...store.dispatch(api.util.getRunningMutationsThunk())]
    if (running.length === 0) return
    await Promise.allSettled(running)
  }
  throw new Error('interview-session-kit/testing: requests kept running')
}
