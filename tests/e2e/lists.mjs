// End-to-end test of the lists' shared behaviour: 班额 is a menu page whose rows open
// their school; a click on a sortable header sorts on the server (the request carries
// sort=…, the rows come back in that order); a request that fails shows its error with
// 重试 in the table — not “暂无数据” — and 重试 loads the list once the server answers;
// 统计指标 does the same, and offers 导出Excel and 打印.
//
//   BASE_URL=http://127.0.0.1:8080 node lists.mjs
import { TIMEOUT, assert, launch } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('lists: set BASE_URL')
  process.exit(2)
}


const browser = await launch()
const errors = []
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${BASE_URL}/#/login`)
  await page.locator('input[data-test=login-username]').fill('admin')
  await page.locator('input[data-test=login-password]').fill('Demo@2026')
  await page.locator('[data-test=login-submit]').click()

  // 班额 in the menu; sorted by 学生数 on the server; a row opens its school.
  const menu = page.locator('[data-test=menu-class-sizes]')
  await menu.waitFor({ timeout: TIMEOUT })
  await menu.click()
  await page.waitForURL(/#\/class-sizes/, { timeout: TIMEOUT })
  const rows = page.locator('[data-test=class-size-table] .el-table__body .el-table__row')
  await rows.first().waitFor({ timeout: TIMEOUT })
  const header = page.locator('[data-test=class-size-table] th', { hasText: '学生数' })
  const sorted = page.waitForRequest((r) => r.url().includes('/class-sizes?') && r.url().includes('sort=students'), {
    timeout: TIMEOUT,
  })
  await header.locator('.sort-caret.ascending').click()
  await sorted
  const descending = page.waitForResponse((r) => r.url().includes('sort=-students'), { timeout: TIMEOUT })
  await header.locator('.sort-caret.descending').click()
  await descending
  await page.waitForTimeout(300)
  const sizes = await page.$$eval('[data-test=class-size-table] .el-table__body .el-table__row', (trs) =>
    trs.map((tr) => Number(tr.querySelectorAll('td')[4].innerText)),
  )
  assert(sizes.length > 1, '班额列表应有多行')
  assert(sizes.every((v, i) => i === 0 || sizes[i - 1] >= v), `按学生数降序后顺序不对:${sizes.slice(0, 10)}`)
  await rows.first().click()
  await page.waitForURL(/#\/schools\/\d+/, { timeout: TIMEOUT })
  console.log('  ok  班额在菜单中,按学生数服务器排序,点行打开学校')

  // A failed list request: the error and 重试 in the table; 重试 loads it.
  let fail = true
  await page.route('**/api/v1/students?**', (route) =>
    fail
      ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ code: 'internal', message: '服务器内部错误(测试)' }) })
      : route.continue(),
  )
  await page.locator('[data-test=menu-students]').click()
  const failure = page.locator('[data-test=student-table] [data-test=load-error]')
  await failure.waitFor({ timeout: TIMEOUT })
  const text = await failure.innerText()
  assert(text.includes('服务器内部错误(测试)') && text.includes('重试'), `失败时应显示错误与重试,实为“${text}”`)
  assert(!(await page.locator('[data-test=student-table]').innerText()).includes('暂无数据'), '失败时不应显示“暂无数据”')
  fail = false
  await failure.locator('[data-test=load-retry]').click()
  await page.locator('[data-test=student-table] .el-table__body .el-table__row').first().waitFor({ timeout: TIMEOUT })
  assert(!(await failure.count()), '重试成功后错误应消失')
  await page.unroute('**/api/v1/students?**')
  console.log('  ok  列表请求失败时显示错误与重试,重试后加载成功')

  // 统计指标: the same on a page of its own, with 导出Excel and 打印.
  fail = true
  await page.route('**/api/v1/analytics/indicators?**', (route) =>
    fail ? route.fulfill({ status: 500, contentType: 'application/json', body: '{"message":"统计暂不可用(测试)"}' }) : route.continue(),
  )
  await page.locator('[data-test=menu-indicators]').click()
  const pageError = page.locator('[data-test=load-error]')
  await pageError.waitFor({ timeout: TIMEOUT })
  assert((await pageError.innerText()).includes('统计暂不可用(测试)'), '统计指标失败时应显示错误')
  fail = false
  await pageError.locator('[data-test=load-retry]').click()
  await page.locator('[data-test=indicators-table]').waitFor({ timeout: TIMEOUT })
  await page.unroute('**/api/v1/analytics/indicators?**')
  const download = page.waitForEvent('download', { timeout: TIMEOUT })
  await page.locator('[data-test=export-indicators]').click()
  const file = (await download).suggestedFilename()
  assert(/学年统计指标\.xlsx$/.test(file), `导出文件名应含“学年统计指标”,实为“${file}”`)
  assert(await page.locator('[data-test=print]').isVisible(), '统计指标应有打印按钮')
  await page.emulateMedia({ media: 'print' })
  assert(!(await page.locator('.aside').isVisible()), '打印时不应显示侧边菜单')
  assert(!(await page.locator('[data-test=print]').isVisible()), '打印时不应显示按钮')
  await page.emulateMedia({ media: 'screen' })
  console.log(`  ok  统计指标:失败可重试,导出“${file}”,打印时隐藏菜单与按钮`)

  if (errors.length) throw new Error(`页面脚本错误:${errors.join('; ')}`)
} catch (e) {
  console.error(`lists FAILED: ${e.message.split('\n')[0]}`)
  process.exitCode = 1
} finally {
  await browser.close()
}
