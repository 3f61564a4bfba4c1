import type { ReactElement } from 'react'
import type { ListFilter } from '../support/benchSeed'

/** Where and as whom an implementation talks to the mock server. */
export interface BenchConnection {
  /** Base URL of the interview API (absolute in Node, `/api` in the browser). */
  baseUrl: string
  token: string
}

/** One implementation rendered as the list view. */
export interface BenchApp {
  /** The whole app (its providers and one list per filter); the bench wraps it in the root Profiler. */
  element: ReactElement
  /** No query or mutation of this client is running. */
  isIdle(): boolean
  /** Redux implementations: dispatches an action no part of the app handles, as a host app's own slices do. */
  dispatchUnrelated?: () => void
  dispose(): void
}

/** One implementation's cache, driven without React, to time the optimistic write alone. */
export interface BenchCache {
  /** Loads the all-sessions list (and what else the pattern writes optimistically) and keeps it subscribed. */
  prepare(sessionIds: readonly string[]): Promise<void>
  /** Where the session stands in the cached list now (read before the clock starts). */
  listIndex(sessionId: string): number
  /** Starts a pause exactly as the implementation's button does. */
  pause(sessionId: string): void
  /** The cache the pattern writes optimistically shows the session as paused. */
  showsPaused(sessionId: string, listIndex: number): boolean
  isIdle(): boolean
  dispose(): void
}

/** One of the three implementations of the same scenario. */
export interface BenchImplementation {
  key: 'ours' | 'rtk' | 'tanstack'
  label: string
  /** What the optimistic write of {@link BenchCache} targets, for the report. */
  optimisticTarget: string
  app(connection: BenchConnection, lists: readonly ListFilter[]): BenchApp
  cache(connection: BenchConnection): BenchCache
}
