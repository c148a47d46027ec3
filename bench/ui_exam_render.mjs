// 质量监测's load time in the browser: log in as `USER`, then, RUNS times, navigate
// to #/exams afresh (a full page load) and time from navigation to the results table's first row;
// prints each run, the median, and the API requests of the last run (path, bytes).
//
//   BASE_URL=http://127.0.0.1:18610 [USER=admin] [RUNS=5] node bench/ui_exam_render.mjs
//
// Run through bench/ui_exam_render.sh, which serves a scale-1 demo county.
// Uses playwright-core from tests/e2e and Debian's Chromium (/usr/bin/chromium, or CHROMIUM).
import { createRequire } from 'node:module'

const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const BASE_URL = process.env.BASE_URL
const USER = process.env.USER_NAME || 'admin'
const RUNS = Number(process.env.RUNS || 5)
if (!BASE_URL) {
  console.error('set BASE_URL')
  process.exit(2)
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' })
try {
  const page = await browser.newPage()
  await page.goto(`${BASE_URL}/#/login`)
  await page.locator('input[data-test=login-username]').fill(USER)
  await page.locator('input[data-test=login-password]').fill('Demo@2026')
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => !u.hash.includes('login'))

  const times = []
  let requests = []
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank')
    requests = []
    const onResponse = async (res) => {
      const url = new URL(res.url())
      if (!url.pathname.startsWith('/api/')) return
      const body = await res.body().catch(() => Buffer.alloc(0))
      requests.push({ path: url.pathname + url.search, bytes: body.length })
    }
    page.on('response', onResponse)
    const start = Date.now()
    await page.goto(`${BASE_URL}/#/exams`)
    await page.waitForSelector('[data-test=exam-results] .el-table__body tr.el-table__row', { timeout: 60000 })
    times.push(Date.now() - start)
    await page.waitForLoadState('networkidle')
    page.off('response', onResponse)
  }
  console.log(`runs (ms, the first computes the server's kept analysis): ${times.join(' ')}`)
  const sorted = [...times].sort((a, b) => a - b)
  console.log(`median: ${sorted[Math.floor(sorted.length / 2)]} ms`)
  const total = requests.reduce((s, r) => s + r.bytes, 0)
  console.log(`API requests of the last run: ${requests.length}, ${(total / 1024).toFixed(0)} KiB in all`)
  for (const r of requests) console.log(`  ${(r.bytes / 1024).toFixed(1).padStart(9)} KiB  ${r.path}`)
} finally {
  await browser.close()
}
