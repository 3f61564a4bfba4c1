import type { ProfilerOnRenderCallback } from 'react'

/** Profiler id of the root `<Profiler>` the bench wraps around each app. */
export const APP_PROFILER_ID = 'app'

/**
 * Render counters shared by the three implementations: the bench reads and resets them, the apps only add to them.
 * One module-level instance, because the rows report from their render bodies.
 */
export const renderProbe = {
  /** React commits of the whole app (root Profiler `onRender` calls). */
  commits: 0,
  /** Sum of the root Profiler's `actualDuration`: milliseconds React spent rendering. */
  renderMs: 0,
  /** Row component bodies run (all rows). */
  rowRenders: 0,
  /** Commits in which something inside a row rendered (per-row Profilers), summed over rows. */
  rowCommits: 0,
  /** List component bodies run. */
  listRenders: 0,
  /** Rows whose subtree rendered at least once. */
  rowsTouched: new Set<string>(),
  /** Called after every app commit (the DOM is up to date): the bench checks for "Paused" here. */
  afterCommit: undefined as (() => void) | undefined,

  reset(): void {
    this.commits = 0
    this.renderMs = 0
    this.rowRenders = 0
    this.rowCommits = 0
    this.listRenders = 0
    this.rowsTouched = new Set()
    this.afterCommit = undefined
  },
}

/** `onRender` of the root Profiler and of every row's Profiler (whose id is the session id). */
export const onProfilerRender: ProfilerOnRenderCallback = (id, _phase, actualDuration) => {
  if (id === APP_PROFILER_ID) {
    renderProbe.commits += 1
    renderProbe.renderMs += actualDuration
    renderProbe.afterCommit?.()
    return
  }
  renderProbe.rowCommits += 1
  renderProbe.rowsTouched.add(id)
}

/** Call at the top of a row component's body. */
export function countRowRender(): void {
  renderProbe.rowRenders += 1
}

/** Call at the top of a list component's body. */
export function countListRender(): void {
  renderProbe.listRenders += 1
}
