import type { StatusAction } from 'interview-session-kit'
import type { MockScenarioRule } from 'interview-session-kit/mocks'
import { http, HttpResponse, type HttpHandler, type JsonBodyType } from 'msw'

/** Builders for the mock server's behaviour in a story. */
export const scenario = {
  /** The server never answers `action`: for `parameters.kit.scenarios`. */
  hang: (action: StatusAction): MockScenarioRule => ({ endpoint: action, scenario: { kind: 'hang' } }),
  /** `action` fails without a response, or with a 500, `times` times (default: always): for `parameters.kit.scenarios`. */
  fail: (action: StatusAction, kind: 'networkError' | 'serverError', times?: number): MockScenarioRule => ({
    endpoint: action,
    ...(times === undefined ? {} : { times }),
    scenario: { kind },
  }),
  /** `POST /api/interviews/:id/{action}` answers `status` with `body`: an MSW handler for `parameters.msw.handlers`. */
  answer: (action: StatusAction, status: number, body: JsonBodyType): HttpHandler =>
    http.post(`/api/interviews/:id/${action}`, () => HttpResponse.json(body, { status })),
}
