// The one place that talks HTTP to the EduBureau API (docs/API.md).
// Sends the session cookie and, on every write, the X-CSRF-Token header;
// turns error bodies {code, message, field} into ApiError.
// JSON calls (get/post/put), file uploads with progress (upload) and
// file downloads saved under the server's file name (download).

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
    this.problems = body.problems || [] // an import's problems by row and column (422 has_problems)
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

const networkError = () => new ApiError(0, { code: 'network', message: '无法连接服务器,请检查网络后重试' })

function writeHeaders(method) {
  const headers = { Accept: 'application/json' }
  if (method !== 'GET' && hooks.csrfToken()) headers['X-CSRF-Token'] = hooks.csrfToken()
  return headers
}

// The error of a failed answer (a 401 also ends the session in the UI).
function failure(path, status, data) {
  if (status === 401 && !AUTH_PATHS.includes(path)) hooks.onUnauthenticated()
  return new ApiError(status, data || {})
}

async function request(method, path, { query, body } = {}) {
  const headers = writeHeaders(method)
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let res
  try {
    res = await fetch(BASE + path + queryString(query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkError()
  }
  const data = await res.json().catch(() => ({}))
  if (res.ok) return data
  throw failure(path, res.status, data)
}

export const get = (path, query) => request('GET', path, { query })
export const post = (path, body) => request('POST', path, { body })
export const put = (path, body) => request('PUT', path, { body })

// POSTs one file as multipart/form-data (field `file`) and resolves with the JSON answer.
// XMLHttpRequest rather than fetch, for the upload's progress:
//   onProgress(percent 0–100) while the bytes go out, onSent() once all are sent
//   (the server is then checking the file).
export function upload(path, file, { onProgress, onSent } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', BASE + path)
    xhr.withCredentials = true
    for (const [name, value] of Object.entries(writeHeaders('POST'))) xhr.setRequestHeader(name, value)
    let sent = false
    const allSent = () => {
      if (!sent && onSent) onSent()
      sent = true
    }
    xhr.upload.onprogress = (e) => {
      if (!e.lengthComputable) return
      if (onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
      if (e.loaded >= e.total) allSent() // Chromium's upload load event waits for the answer
    }
    xhr.upload.onload = allSent
    xhr.onload = () => {
      let data = {}
      try {
        data = JSON.parse(xhr.responseText)
      } catch {
        // an empty or non-JSON body: the status says enough
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data)
      else reject(failure(path, xhr.status, data))
    }
    xhr.onerror = () => reject(networkError())
    const form = new FormData()
    form.append('file', file, file.name)
    xhr.send(form)
  })
}

// The file name of a Content-Disposition header (RFC 6266: filename* first, for Chinese names).
function dispositionName(header) {
  if (!header) return ''
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''))
    } catch {
      // fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(header)
  return plain ? (plain[2] ?? plain[1]).trim() : ''
}

// GETs a file (an .xlsx export, template or error sheet) — or, given a `body`, POSTs it as
// JSON (e.g. 模拟规划's draft) — and hands it to the browser as a download named as the
// server says (fallback: the last part of the path).
export async function download(path, query, body) {
  const method = body === undefined ? 'GET' : 'POST'
  const headers = writeHeaders(method)
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let res
  try {
    res = await fetch(BASE + path + queryString(query), {
      method,
      headers,
      credentials: 'include',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw networkError()
  }
  if (!res.ok) throw failure(path, res.status, await res.json().catch(() => ({})))
  const blob = await res.blob()
  const name = dispositionName(res.headers.get('Content-Disposition')) || path.split('/').pop()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10000)
  return name
}
