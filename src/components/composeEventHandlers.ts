/**
 * Calls the consumer's handler, then the component's own unless the consumer called `preventDefault()` (Radix's
 * `composeEventHandlers`).
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}
