// End-to-end test of 均衡发展 and 模拟规划 on the demo county: a failing school's
// 未达标原因 names the indicator, how far short and the standard in its unit;
// 只看未达标 keeps only failing schools; the filters live in the URL (a reload and
// Back restore the section and the switch; 模拟规划 keeps its section too); the
// pages log no console warnings or errors; the indicator chart's 数据表 lists its schools and values
// and its summary names the highest and the lowest; a failed load shows its error with 重试. Opened by a link naming the year. Render times are measured by
// bench/ui_render.sh, never asserted here.
//
//   BASE_URL=http://127.0.0.1:8080 node balance.mjs
import { TIMEOUT, assert, launch } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('balance: set BASE_URL')
  process.exit(2)
}


const browser = await launch()
const errors = []
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') errors.push(`${m.type()}: ${m.text()}`)
  })
  await page.goto(`${BASE_URL}/#/login`)
  await page.locator('input[data-test=login-username]').fill('admin')
  await page.locator('input[data-test=login-password]').fill('Demo@2026')
  await page.locator('[data-test=login-submit]').click()
  // The year in the link: the suite's earlier 学年升级 made 2027 current, a year without 办学条件.
  await page.locator('[data-test=menu-balance]').waitFor({ timeout: TIMEOUT })
  await page.goto(`${BASE_URL}/#/balance?year=2026`)

  const rows = page.locator('[data-test=balance-table] .el-table__body-wrapper tr.el-table__row')
  await rows.first().waitFor({ timeout: TIMEOUT })
  const all = await rows.count()
  const failing = rows.filter({ hasText: '未达标' })
  assert((await failing.count()) > 0, '演示县应有未达标的小学')
  const reason = await failing.first().locator('[data-test=balance-reason]').first().innerText()
  assert(/^(每百名学生|生均).+ [\d.]+ (人|m²|元|间),差 [\d.]+ (人|m²|元|间)\(标准 [\d.]+ (人|m²|元|间),达标准的\d+%\)$/.test(reason),
    `未达标原因应写明指标、差距与标准,实为“${reason}”`)
  const head = await page.locator('[data-test=balance-table] .el-table__header').innerText()
  assert(head.includes('标准 4.5 m²'), `表头应写明标准与单位,实为“${head.slice(0, 200)}”`)
  console.log(`  ok  未达标原因:${reason}`)

  // The chart of the first indicator as a table: its schools lowest first with their values; the
  // summary names the highest and the lowest.
  const query = new URLSearchParams({ year: '2026', section: '小学', standard: '2017', primary_above: '专科' })
  const answer = await (await page.request.get(`${BASE_URL}/api/v1/analytics/balance?${query}`)).json()
  const points = answer.rows.filter((r) => r.cells[0].value != null).sort((a, b) => a.cells[0].value - b.cells[0].value)
  const text = (v) => (Number.isInteger(v) ? v.toLocaleString() : String(+v.toFixed(3)))
  const chart = page.locator('.balance [data-test=chart]').first()
  await chart.locator('[data-test=chart-table-toggle]').click()
  const cells = await chart.locator('[data-test=chart-table] .el-table__body tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())))
  assert(cells.length === points.length, `数据表应有 ${points.length} 所学校,实为 ${cells.length}`)
  const lowest = points[0]
  const highest = points.reduce((a, b) => (b.cells[0].value > a.cells[0].value ? b : a))
  assert(cells[0][0] === lowest.school_name && cells[0][1] === text(lowest.cells[0].value),
    `数据表首行应为 ${lowest.school_name} ${text(lowest.cells[0].value)},实为 ${cells[0].join(' ')}`)
  const summary = await chart.locator('[data-test=chart-summary]').innerText()
  const expected = `最高 ${highest.school_name} ${text(highest.cells[0].value)},最低 ${lowest.school_name} ${text(lowest.cells[0].value)}`
  assert(summary === expected, `图表摘要应为“${expected}”,实为“${summary}”`)
  console.log(`  ok  图表的数据表与摘要:${cells.length} 所学校,${summary}`)

  await page.locator('[data-test=balance-failing]').click()
  await page.waitForFunction((n) => document.querySelectorAll('[data-test=balance-table] .el-table__body-wrapper tr.el-table__row').length < n, all, { timeout: TIMEOUT })
  const kept = await rows.count()
  assert(kept === (await failing.count()), `只看未达标后应只剩未达标学校(${kept} 行)`)
  assert(page.url().includes('failing=1'), `地址应记下只看未达标,实为 ${page.url()}`)
  console.log(`  ok  只看未达标:${all} 所中 ${kept} 所`)

  const active = (test) => page.locator(`[data-test=${test}] .el-radio-button.is-active`).innerText()
  await page.locator('[data-test=balance-section] .el-radio-button', { hasText: '初中' }).click()
  await page.waitForURL(/section=%E5%88%9D%E4%B8%AD/, { timeout: TIMEOUT })
  await page.reload()
  await page.locator('[data-test=balance-table]').waitFor({ timeout: TIMEOUT })
  assert((await active('balance-section')) === '初中', '刷新后应仍为初中')
  assert(await page.locator('[data-test=balance-failing].is-checked').count(), '刷新后应仍只看未达标')
  await page.locator('[data-test=menu-indicators]').click()
  await page.waitForURL(/#\/indicators/, { timeout: TIMEOUT })
  await page.goBack()
  await page.locator('[data-test=balance-table]').waitFor({ timeout: TIMEOUT })
  assert((await active('balance-section')) === '初中', '后退回来应仍为初中')
  console.log('  ok  学段与只看未达标在地址中,刷新、后退后恢复')

  await page.locator('[data-test=menu-whatif]').click()
  await page.locator('[data-test=whatif-section] .el-radio-button', { hasText: '初中' }).click()
  await page.waitForURL(/#\/whatif\?.*section=%E5%88%9D%E4%B8%AD/, { timeout: TIMEOUT })
  await page.reload()
  await page.locator('[data-test=whatif-section]').waitFor({ timeout: TIMEOUT })
  assert((await active('whatif-section')) === '初中', '模拟规划刷新后应仍为初中')
  console.log('  ok  模拟规划的学段在地址中')

  await page.goto(`${BASE_URL}/#/indicators?year=2026`)
  await page.locator('[data-test=indicators-table]').waitFor({ timeout: TIMEOUT })
  await page.locator('.indicators .el-radio-button', { hasText: '乡镇' }).click()
  await page.locator('.indicators .el-tabs__item', { hasText: '小学' }).click()
  await page.waitForURL(/level=%E4%B9%A1%E9%95%87.*section=%E5%B0%8F%E5%AD%A6|section=%E5%B0%8F%E5%AD%A6.*level=%E4%B9%A1%E9%95%87/, { timeout: TIMEOUT })
  await page.reload()
  await page.locator('[data-test=indicators-table]').waitFor({ timeout: TIMEOUT })
  assert((await page.locator('.indicators .el-radio-button.is-active').innerText()) === '乡镇', '统计指标刷新后应仍为乡镇')
  assert((await page.locator('.indicators .el-tabs__item.is-active').innerText()) === '小学', '统计指标刷新后应仍为小学')
  console.log('  ok  统计指标的层级与学段在地址中')
  // A failed load: its message and 重试 on the page (useLoad, LoadError); 重试 loads the table.
  await page.route('**/api/v1/analytics/balance?**', (route) =>
    route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"均衡数据暂不可用(测试)"}' }))
  await page.goto(`${BASE_URL}/#/balance?year=2026`)
  const failure = page.locator('.balance [data-test=load-error]')
  await failure.waitFor({ timeout: TIMEOUT })
  assert((await failure.innerText()).includes('均衡数据暂不可用(测试)'), '均衡发展加载失败时应显示错误')
  await page.unroute('**/api/v1/analytics/balance?**')
  await failure.locator('[data-test=load-retry]').click()
  await rows.first().waitFor({ timeout: TIMEOUT })
  assert(!(await failure.count()), '重试成功后错误应消失')
  console.log('  ok  均衡发展加载失败时显示错误与重试,重试后加载成功')
  // The refused request's own console line is expected; any other is not.
  errors.splice(0, errors.length, ...errors.filter((e) => !e.includes('status of 500')))
  if (errors.length) throw new Error(`控制台有警告或错误:${errors.slice(0, 3).join('; ')}`)
  console.log('  ok  页面无控制台警告或错误')
} catch (e) {
  console.error(`balance FAILED: ${e.message.split('\n')[0]}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
