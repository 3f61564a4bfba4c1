import type { MockEndpoint } from './handleInterviewRequest.js'

/**
 * A deterministic failure (or delay) the mock server applies instead of its normal behaviour.
 * - `networkError`: the request fails without a response (`fetch` rejects with a TypeError, axios `ERR_NETWORK`);
 *   the db is not touched.
 * - `serverError`: 500 `{ "error": "Internal server error" }`; the db is not touched.
 * - `slow`: the normal answer, sent `ms` milliseconds late.
 * - `hang`: never answers; the handler settles when the client aborts the request.
 * - `hold`: the normal answer is computed when the request arrives (db changes happen then) and sent only after
 *   `release` settles, so a test can observe the in-between state.
 *
 * In every case but `hang` the answer is computed on arrival; delays only postpone sending it.
 */
export type MockScenario =
  | { kind: 'networkError' }
  | { kind: 'serverError' }
  | { kind: 'slow'; ms: number }
  | { kind: 'hang' }
  | { kind: 'hold'; release: Promise<unknown> }

/**
 * When a {@link MockScenario} applies. A rule without `endpoint` or `sessionId` matches every request (the list
 * endpoint has no session id, so a rule with `sessionId` never matches it). `times` is how many matching requests
 * the rule applies to before it is spent (default: unlimited). The first matching unspent rule wins.
 */
export type MockScenarioRule = {
  endpoint?: MockEndpoint
  sessionId?: string
  times?: number
  scenario: MockScenario
}

/**
 * Returns a function that picks the scenario for a request from `rules`, read afresh on every call so rules pushed
 * or spliced later take effect. How often each rule was used is kept by this picker, not written into the rules.
 */
export function createScenarioPicker(
  rules: readonly MockScenarioRule[],
): (endpoint: MockEndpoint, sessionId: string | undefined) => MockScenario | undefined {
  const uses = new WeakMap<MockScenarioRule, number>()
  return (endpoint, sessionId) => {
    for (const rule of rules) {
      if (rule.endpoint !== undefined && rule.endpoint !== endpoint) continue
      if (rule.sessionId !== undefined && rule.sessionId.toLowerCase() !== sessionId?.toLowerCase()) continue
      const used = uses.get(rule) ?? 0
      if (rule.times !== undefined && used >= rule.times) continue
      uses.set(rule, used + 1)
      return rule.scenario
    }
    return undefined
  }
}

/** A `hold` scenario and the function that releases it. */
export interface MockHold {
  scenario: MockScenario
  release: () => void
}

/**
 * Creates a `hold` scenario with its release switch, so a test holds the server's answer on a promise it controls.
 *
 * @example
 * ```ts
 * const hold = createHold()
 * handlers.scenarios.push({ endpoint: 'pause', times: 1, scenario: hold.scenario })
 * const pending = fetch(`${baseUrl}/interviews/${id}/pause`, { method: 'POST', headers })
 * // … the db already says 'paused'; the client has not heard yet …
 * hold.release()
 * await pending
 * ```
 */
export function createHold(): MockHold {
  let release = (): void => undefined
  const promise = new Promise<void>((resolve) => {
    release = resolve
  })
  return { scenario: { kind: 'hold', release: promise }, release: () => release() }
}
