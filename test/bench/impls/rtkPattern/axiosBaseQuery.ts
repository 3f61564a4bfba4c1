import type { BaseQueryFn } from '@reduxjs/toolkit/query'
import axios, { type AxiosError, type AxiosInstance, type AxiosRequestConfig } from 'axios'

/** What an endpoint's `query` returns: the parts of an axios request it may set. */
export interface AxiosQueryArgs {
  url: string
  method?: AxiosRequestConfig['method']
  data?: AxiosRequestConfig['data']
  params?: AxiosRequestConfig['params']
}

/** The error a failed request leaves in the cache. */
export interface AxiosQueryError {
  status?: number
  data: unknown
}

/**
 * The axios base query from RTK Query's "Customizing Queries" guide, unchanged but for the axios instance (which
 * carries the bearer token) and the request's AbortSignal.
 */
export function axiosBaseQuery(instance: AxiosInstance): BaseQueryFn<AxiosQueryArgs, unknown, AxiosQueryError> {
  return async ({ url, method, data, params }, { signal }) => {
    try {
      const result = await instance.request({ url, method, data, params, signal })
      return { data: result.data as unknown }
    } catch (axiosError) {
      const err = axiosError as AxiosError
      return { error: { status: err.response?.status, data: err.response?.data ?? err.message } }
    }
  }
}

/** An axios instance for `baseUrl` that sends `token` with every request. */
export function createHttp(baseUrl: string, token: string): AxiosInstance {
  return axios.create({ baseURL: baseUrl, headers: { Authorization: `Bearer ${token}` } })
}
