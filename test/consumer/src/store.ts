import { configureStore, createSlice, type PayloadAction } from '@reduxjs/toolkit'
import { createApi, fakeBaseQuery } from '@reduxjs/toolkit/query/react'
import { createInterviewApi } from 'interview-session-kit'

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

export function createAppStore(baseUrl: string, onUnauthorized: () => void = () => {}) {
  const interviewApi = createInterviewApi({
    baseUrl,
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
