import { useCallback, type Ref, type RefCallback } from 'react'

function setRef<T>(ref: Ref<T> | undefined, value: T | null): void {
  if (typeof ref === 'function') ref(value)
  else if (ref) ref.current = value
}

/** One ref callback that sets every given ref: the caller's forwarded ref and the component's own (Radix). */
export function useComposedRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  // The refs are the dependencies, element by element.
  // oxlint-disable-next-line react/exhaustive-deps
  return useCallback((value: T | null) => refs.forEach((ref) => setRef(ref, value)), refs)
}
