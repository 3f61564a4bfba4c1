'use client'

import { configureStore } from '@reduxjs/toolkit'
import { InterviewKitProvider, createInterviewApi, type InterviewSession } from 'interview-session-kit'
import { useState, type ReactNode } from 'react'
import { Provider } from 'react-redux'

interface AuthState {
  token: string | null
}

/**
 * The app's interview api. Defined once per module, like any RTK Query api: it holds no data of its own (what it
 * keeps per store is keyed by the store), so the server shares it safely between requests.
 */
export const interviewApi = createInterviewApi({
  baseUrl: '/api',
  getAccessToken: ({ getState }) => (getState() as { auth: AuthState }).auth.token,
})

/** What the server hands the client store: who is signed in, and the data the page was rendered with. */
export interface InterviewKitData {
  accessToken: string
  session: InterviewSession
  sessions: InterviewSession[]
}

/**
 * A new store for one request (on the server) or one page (in the browser), already holding the server's data: the
 * signed-in user's token, the session and the unfiltered list, as if `getInterview(session.id)` and
 * `listInterviews()` had answered. The components read them on their first render, so they render no "Loading…"
 * and send no request for them.
 */
export function makeStore({ accessToken, session, sessions }: InterviewKitData) {
  const store = configureStore({
    reducer: {
      auth: (state: AuthState = { token: null }) => state,
      [interviewApi.reducerPath]: interviewApi.reducer,
    },
    middleware: (getDefaultMiddleware) => getDefaultMiddleware().concat(interviewApi.middleware),
    preloadedState: { auth: { token: accessToken } },
  })
  store.dispatch(
    interviewApi.util.upsertQueryEntries([
      { endpointName: 'getInterview', arg: session.id, value: session },
      { endpointName: 'listInterviews', arg: undefined, value: sessions },
    ]),
  )
  return store
}

export type AppStore = ReturnType<typeof makeStore>

/**
 * The client side of the interview page: one store per request, made and hydrated during the first render (never
 * at module level, where every user's requests would share it), then the kit's provider.
 */
export function InterviewKit({ children, ...data }: InterviewKitData & { children: ReactNode }) {
  const [store] = useState(() => makeStore(data))
  return (
    <Provider store={store}>
      <InterviewKitProvider api={interviewApi}>
        {children}
      </InterviewKitProvider>
    </Provider>
  )
}
