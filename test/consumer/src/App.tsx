import {
  InterviewKitProvider,
  PauseButton,
  ResumeButton,
  SessionStatus,
  type InterviewApi,
} from 'interview-session-kit'
import { StrictMode } from 'react'
import { Provider } from 'react-redux'
import { hostApi, type AppStore } from './store'

function Greeting() {
  const { data } = hostApi.useGreetingQuery()
  return <p>{data}</p>
}

export function App({ store, api, sessionId }: { store: AppStore; api: InterviewApi; sessionId: string }) {
  return (
    <StrictMode>
      <Provider store={store}>
        <InterviewKitProvider api={api}>
          <Greeting />
          <h1>
            Interview <SessionStatus sessionId={sessionId} />
          </h1>
          <PauseButton sessionId={sessionId} />
          <ResumeButton sessionId={sessionId} />
        </InterviewKitProvider>
      </Provider>
    </StrictMode>
  )
}
