// The one place that talks HTTP to the EduBureau API (docs/API.md).
// Sends the session cookie and, on every write, the X-CSRF-Token header;
// turns error bodies {code, message, field} into ApiError.

const BASE = 'api/v1' // relative to the page, so a sub-path deployment works too

let hooks = {
  csrfToken: () => '',
  onUnauthenticated: () => {},
}

// main.js wires the auth store and router in here (avoids an import cycle).
export function configureHttp(h) {
  hooks = { ...hooks, ...h }
}

class ApiError extends Error {
  constructor(status, body) {
    super(body.message || `请求失败(HTTP ${status})`)
    this.status = status
    this.code = body.code
    this.field = body.field
  }
}

function queryString(params) {
  const q = new URLSearchParams()
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') q.append(key, value)
  }
  const s = q.toString()
  return s ? `?${s}` : ''
}

// Paths whose 401 is an answer, not an expired session.
const AUTH_PATHS = ['/auth/login', '/auth/me']

async function request(method, path, { query, body } = {}) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && hooks.csrfToken()) headers['X-CSRF-Token'] = hooks.csrfToken()
  let res
  try {
    res = await fetch(BASE + path + queryString(query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, { code: 'network', message: '无法连接服务器,请检查网络后重试' })
  }
  const data = await res.json().catch(() => ({}))
  if (res.ok) return data
  if (res.status === 401 && !AUTH_PATHS.includes(path)) hooks.onUnauthenticated()
  throw new ApiError(res.status, data)
}

export const get = (path, query) => request('GET', path, { query })
export const post = (path, body) => request('POST', path, { body })
export const put = (path, body) => request('PUT', path, { body })
