import { configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { createApi, fakeBaseQuery } from '@reduxjs/toolkit/query/react'
import axios from 'axios'
import { createInterviewApi } from 'interview-session-kit'
import { sessionSchema } from 'interview-session-kit/schema'

// The host app's own slice and its own RTK Query api at the usual reducerPath 'api'.
export const auth = createSlice({
  name: 'auth',
  initialState: { token: null as string | null },
  reducers: { signedIn: (state, action: PayloadAction<string>) => void (state.token = action.payload) },
})

export const hostApi = createApi({
  reducerPath: 'api',
  baseQuery: fakeBaseQuery(),
  endpoints: (build) => ({ greeting: build.query<string, void>({ queryFn: () => ({ data: 'Welcome back' }) }) }),
})

/** The app's own axios instance, as most apps have one: a tracing header, and answers unwrapped to their data. */
export function createHttpClient(client = 'consumer-app') {
  const http = axios.create({ headers: { 'X-Client': client } })
  http.interceptors.request.use((config) => {
    config.headers.set('X-Request-Id', Math.random().toString(36).slice(2))
    return config
  })
  http.interceptors.response.use((response) => response.data)
  return http
}

export function createAppStore(baseUrl: string, onUnauthorized: () => void = () => {}, client?: string) {
  const interviewApi = createInterviewApi({
    baseUrl,
    axiosInstance: createHttpClient(client),
    sessionSchema,
    getAccessToken: ({ getState }) => (getState() as { auth: { token: string | null } }).auth.token,
    onUnauthorized,
  })
  const store = configureStore({
    reducer: { auth: auth.reducer, [hostApi.reducerPath]: hostApi.reducer, [interviewApi.reducerPath]: interviewApi.reducer },
    middleware: (gDM) => gDM().concat(hostApi.middleware, interviewApi.middleware),
  })
  return { store, interviewApi }
}

export type AppStore = ReturnType<typeof createAppStore>['store']
