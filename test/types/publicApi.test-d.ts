// Compile-time checks of the public types: `npm test` typechecks this file (tsc), nothing runs.
import {
  createInterviewApi,
  createInterviewStore,
  isInterviewApiError,
  useInterviewControls,
  type ControlResult,
  type InterviewApiError,
  type InterviewSession,
  type ListInterviewsArg,
  type PauseButtonProps,
  type SessionStatusValue,
} from 'interview-session-kit'
import { expectTypeOf } from 'vitest'

const api = createInterviewApi({ getAccessToken: () => 'token' })
const custom = createInterviewApi({ getAccessToken: async () => null, reducerPath: 'interviews' })

expectTypeOf(api.reducerPath).toEqualTypeOf<'interviewApi'>()
expectTypeOf(custom.reducerPath).toEqualTypeOf<'interviews'>()
expectTypeOf(api.endpoints.pauseInterview.initiate).parameter(0).toEqualTypeOf<string>()
expectTypeOf(api.endpoints.listInterviews.initiate).parameter(0).toEqualTypeOf<ListInterviewsArg | void | undefined>()
expectTypeOf<ListInterviewsArg['status']>().toEqualTypeOf<'active' | 'paused' | 'completed' | undefined>()

const store = createInterviewStore({ api: custom })
expectTypeOf(store.getState()).toHaveProperty('interviews')

// Errors are a union discriminated on `kind`; narrowing gives each member's fields.
declare const error: InterviewApiError
if (error.kind === 'invalidResponse') expectTypeOf(error.issues).toEqualTypeOf<string[]>()
if (error.kind === 'network') expectTypeOf(error.reason).toEqualTypeOf<'unreachable' | 'timeout' | 'offline' | 'aborted'>()
expectTypeOf(error.kind).toEqualTypeOf<
  'unauthorized' | 'forbidden' | 'notFound' | 'invalid' | 'server' | 'network' | 'invalidResponse'
>()
declare const unknownValue: unknown
if (isInterviewApiError(unknownValue)) expectTypeOf(unknownValue).toEqualTypeOf<InterviewApiError>()

// An unknown status string is allowed, and the known ones still autocomplete.
expectTypeOf<'archived'>().toMatchTypeOf<SessionStatusValue>()
expectTypeOf<InterviewSession['status']>().toEqualTypeOf<SessionStatusValue>()

// pause() never rejects: it resolves to data or error.
expectTypeOf<ReturnType<ReturnType<typeof useInterviewControls>['pause']>>().toEqualTypeOf<Promise<ControlResult>>()

// Components take a button's own props; no `any` leaks into callbacks.
expectTypeOf<PauseButtonProps['onPaused']>().toEqualTypeOf<((session: InterviewSession) => void) | undefined>()
expectTypeOf<PauseButtonProps>().toHaveProperty('className')
expectTypeOf<PauseButtonProps['onError']>().parameter(0).toEqualTypeOf<InterviewApiError>()
expectTypeOf<PauseButtonProps['onError']>().not.toBeAny()
