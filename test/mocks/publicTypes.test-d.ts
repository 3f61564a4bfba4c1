// Compile-time checks of the `/mocks` public types (run by `tsc --noEmit`).
import type { InterviewSession } from 'interview-session-kit'
import type {
  InterviewDb,
  InterviewHandlers,
  MockScenario,
  MockScenarioRule,
  MockSeed,
  MockSessionRecord,
  MockSessionResult,
  MockUser,
} from 'interview-session-kit/mocks'
import { DEMO_SESSION_IDS, DEMO_TOKENS, createInterviewHandlers, pauseSession } from 'interview-session-kit/mocks'
import type { HttpHandler } from 'msw'
import { expectTypeOf } from 'vitest'

expectTypeOf<MockUser>().toEqualTypeOf<{ id: string; token: string; name?: string }>()
expectTypeOf<MockSessionRecord>().toEqualTypeOf<InterviewSession & { ownerId: string }>()
expectTypeOf<MockSeed>().toEqualTypeOf<{ users?: MockUser[]; sessions?: MockSessionRecord[] }>()
expectTypeOf<MockScenarioRule>().toEqualTypeOf<{
  endpoint?: 'pause' | 'resume' | 'get' | 'list'
  sessionId?: string
  times?: number
  scenario: MockScenario
}>()
expectTypeOf<MockScenario>().toEqualTypeOf<
  | { kind: 'networkError' }
  | { kind: 'serverError' }
  | { kind: 'slow'; ms: number }
  | { kind: 'hang' }
  | { kind: 'hold'; release: Promise<unknown> }
>()
expectTypeOf<InterviewDb['get']>().returns.toEqualTypeOf<InterviewSession | undefined>()
expectTypeOf(pauseSession).returns.toEqualTypeOf<MockSessionResult>()
expectTypeOf(createInterviewHandlers).returns.toEqualTypeOf<InterviewHandlers>()
expectTypeOf<InterviewHandlers>().toExtend<HttpHandler[]>()
expectTypeOf(DEMO_TOKENS).toExtend<{ alice: string; bob: string }>()
expectTypeOf(DEMO_SESSION_IDS).toHaveProperty('missing')
expectTypeOf(DEMO_SESSION_IDS).toHaveProperty('bobActive')
