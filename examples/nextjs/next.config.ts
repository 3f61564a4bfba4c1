import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // The example sits inside the library's repository, which has a lockfile of its own: build from this folder.
  turbopack: { root: import.meta.dirname },
  outputFileTracingRoot: import.meta.dirname,
}

export default nextConfig
