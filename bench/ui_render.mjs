// The 均衡发展 page's render time in headless Chromium: logged in as the bureau
// admin on the 首页, the time from navigating to #/balance to its school table's
// rows on screen (the loading mask gone), RUNS times; prints each run (with the page's
// main-thread CPU time over it, from a Chromium trace), the medians and how many console
// warnings and errors the page logged.
//   BASE_URL=http://127.0.0.1:18600 RUNS=5 node bench/ui_render.mjs
import { createRequire } from 'node:module'

// playwright-core is the browser tests' dependency (tests/e2e/node_modules).
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url))
const { chromium } = require('playwright-core')

const { BASE_URL } = process.env
const RUNS = Number(process.env.RUNS || 5)
const TIMEOUT = 60000

// The page's main-thread CPU time in a trace (the thread's own time in its tasks, so other
// processes on a loaded machine inflate it far less than the wall-clock time), in ms.
function mainThreadCpu(events) {
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  const tasks = events.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.pid === main?.pid && e.tid === main?.tid)
  return Math.round(tasks.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000)
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
})
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  let warnings = 0
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings++ })
  await page.goto(`${BASE_URL}/#/login`)
  await page.locator('input[data-test=login-username]').fill('admin')
  await page.locator('input[data-test=login-password]').fill('Demo@2026')
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=menu-balance]').waitFor({ timeout: TIMEOUT })
  const times = []
  const cpus = []
  for (let run = 0; run < RUNS; run++) {
    await page.evaluate(() => { location.hash = '#/' })
    await page.waitForFunction(() => !document.querySelector('.balance'), null, { timeout: TIMEOUT })
    warnings = 0
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] })
    const start = Date.now()
    await page.evaluate(() => { location.hash = '#/balance' })
    await page.waitForFunction(
      () => document.querySelector('[data-test=balance-table] .el-table__body tr.el-table__row') &&
        !document.querySelector('.balance > .el-loading-mask'),
      null, { timeout: TIMEOUT, polling: 'raf' })
    const ms = Date.now() - start
    const cpu = mainThreadCpu(JSON.parse((await browser.stopTracing()).toString()).traceEvents)
    const rows = await page.locator('[data-test=balance-table] .el-table__body-wrapper tr.el-table__row').count()
    times.push(ms)
    cpus.push(cpu)
    console.log(`run ${run + 1}: ${ms} ms, page CPU ${cpu} ms (${rows} rows, ${warnings} console warnings/errors)`)
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]
  console.log(`median: ${median(times)} ms, page CPU ${median(cpus)} ms`)
} finally {
  await browser.close()
}
