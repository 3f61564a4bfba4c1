import {
  combineSlices,
  configureStore,
  createDynamicMiddleware,
  createSlice,
  type PayloadAction,
} from '@reduxjs/toolkit'
import { createApi, fakeBaseQuery } from '@reduxjs/toolkit/query/react'
import { assertInterviewStore, createInterviewApi, createInterviewStore } from 'interview-session-kit'
import { createInterviewDb, createInterviewHandlers, DEMO_SESSION_IDS, DEMO_TOKENS } from 'interview-session-kit/mocks'
import { describe, expect, it } from 'vitest'
import { BASE_URL, setupMockServer } from '../support/apiHarness'

const mock = setupMockServer()
const ID = DEMO_SESSION_IDS.active

function hostParts() {
  const auth = createSlice({
    name: 'auth',
    initialState: { token: DEMO_TOKENS.alice as string | null },
    reducers: { signedOut: (state) => void (state.token = null), tokenSet: (state, a: PayloadAction<string>) => void (state.token = a.payload) },
  })
  const hostApi = createApi({
    reducerPath: 'api',
    baseQuery: fakeBaseQuery(),
    endpoints: (build) => ({ hello: build.query<string, void>({ queryFn: () => ({ data: 'hello from the host' }) }) }),
  })
  return { auth, hostApi }
}

function interviewApiReadingHostToken() {
  mock.server.resetHandlers(...createInterviewHandlers({ db: createInterviewDb(), baseUrl: BASE_URL }))
  return createInterviewApi({
    baseUrl: BASE_URL,
    getAccessToken: ({ getState }) => (getState() as { auth: { token: string | null } }).auth.token,
    crossTab: false,
  })
}

describe('drop-in store integration', () => {
  it("works in a host store that has its own slice and its own createApi at reducerPath 'api'", async () => {
    const { auth, hostApi } = hostParts()
    const api = interviewApiReadingHostToken()
    const store = configureStore({
      reducer: { auth: auth.reducer, [hostApi.reducerPath]: hostApi.reducer, [api.reducerPath]: api.reducer },
      middleware: (gDM) => gDM().concat(hostApi.middleware, api.middleware),
    })
    expect(() => assertInterviewStore(store, api)).not.toThrow()
    const hello = await store.dispatch(hostApi.endpoints.hello.initiate())
    const paused = await store.dispatch(api.endpoints.pauseInterview.initiate(ID))
    expect(hello.data).toBe('hello from the host')
    expect(paused.data?.status).toBe('paused')
    expect(Object.keys(store.getState()).sort()).toEqual(['api', 'auth', 'interviewApi'])

    store.dispatch(auth.actions.signedOut())
    const denied = await store.dispatch(api.endpoints.resumeInterview.initiate(ID))
    expect(denied.error).toMatchObject({ kind: 'unauthorized' })
  })

  it('works injected lazily with combineSlices and createDynamicMiddleware', async () => {
    const { auth } = hostParts()
    const api = interviewApiReadingHostToken()
    const dynamic = createDynamicMiddleware()
    const rootReducer = combineSlices(auth)
    const store = configureStore({
      reducer: rootReducer,
      middleware: (gDM) => gDM().prepend(dynamic.middleware),
    })
    expect(() => assertInterviewStore(store, api)).toThrow(/no "interviewApi" state/)
    rootReducer.inject(api)
    dynamic.addMiddleware(api.middleware)
    expect(() => assertInterviewStore(store, api)).not.toThrow()
    const result = await store.dispatch(api.endpoints.pauseInterview.initiate(ID))
    expect(result.data?.status).toBe('paused')
    const state = store.getState() as Record<string, unknown>
    expect(Object.keys(state).sort()).toEqual(['auth', 'interviewApi'])
  })

  it('works standalone with createInterviewStore, under a custom reducerPath', async () => {
    mock.server.resetHandlers(...createInterviewHandlers({ db: createInterviewDb(), baseUrl: BASE_URL }))
    const api = createInterviewApi({ baseUrl: BASE_URL, reducerPath: 'interviews', getAccessToken: () => DEMO_TOKENS.alice })
    const store = createInterviewStore({ api })
    expect(Object.keys(store.getState())).toEqual(['interviews'])
    const result = await store.dispatch(api.endpoints.pauseInterview.initiate(ID))
    expect(result.data?.status).toBe('paused')
  })

  it('names the fix when the api middleware is missing from the store', () => {
    const api = interviewApiReadingHostToken()
    const store = configureStore({ reducer: { [api.reducerPath]: api.reducer } })
    expect(() => assertInterviewStore(store, api)).toThrow(/middleware is missing.*concat\(api\.middleware\)/)
    expect(() => store.dispatch(api.endpoints.getInterview.initiate(ID))).toThrow(/Middleware for RTK-Query API at reducerPath "interviewApi" has not been added/)
  })

  it('keeps two stores that share one api independent when cross-tab sync is off', async () => {
    mock.server.resetHandlers(...createInterviewHandlers({ db: createInterviewDb(), baseUrl: BASE_URL }))
    // With it on (the default) two stores behave as two tabs: see crossTab.test.ts.
    const api = createInterviewApi({ baseUrl: BASE_URL, getAccessToken: () => DEMO_TOKENS.alice, crossTab: false })
    const first = createInterviewStore({ api })
    const second = createInterviewStore({ api })
    await first.dispatch(api.endpoints.getInterview.initiate(ID))
    await second.dispatch(api.endpoints.getInterview.initiate(ID))
    const pausing = first.dispatch(api.endpoints.pauseInterview.initiate(ID))
    expect(api.endpoints.getInterview.select(ID)(first.getState()).data?.status).toBe('paused')
    expect(api.endpoints.getInterview.select(ID)(second.getState()).data?.status).toBe('active')
    await pausing
  })
})
