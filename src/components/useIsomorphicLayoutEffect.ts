import { useEffect, useLayoutEffect } from 'react'

/** `useLayoutEffect` in the browser; `useEffect` on a server (React 18 warns about layout effects there, and neither runs). */
export const useIsomorphicLayoutEffect = /* @__PURE__ */ (() => (typeof window === 'undefined' ? useEffect : useLayoutEffect))()
