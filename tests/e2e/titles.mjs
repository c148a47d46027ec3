// End-to-end 职称评聘 on the demo county (its round in progress, demo/title_round.h):
// the bureau's page shows every school's posts with vacancies and the chart (and
// a past school year's, counted as they were then), the
// round's 评审通过 vs 聘任 with more passed than posts at the first 小学, and its
// applications; the school admin sees their school only and may apply (申报职称
// opens the workflow's own dialog with the teacher and the level).
//
//   BASE_URL=http://127.0.0.1:8080 node titles.mjs
import { TIMEOUT, assert, login, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('titles: set BASE_URL')
  process.exit(2)
}
const shots = process.env.SCREENSHOT_DIR || '/tmp'

await run('titles', async (browser, errors) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.on('pageerror', (e) => errors.push(e.message))
  await login(page, BASE_URL, 'admin')
  await page.locator('[data-test=menu-titles]').click()
  const posts = page.locator('[data-test=title-posts]')
  await posts.waitFor({ timeout: TIMEOUT })
  const schools = await page.request.get(`${BASE_URL}/api/v1/titles/posts`).then((r) => r.json())
  assert(schools.schools.length > 1, '教育局应看到全县各校的核定岗位')
  await posts.locator('.el-table__row', { hasText: schools.schools[0].name }).first().waitFor({ timeout: TIMEOUT })
  console.log('  ok  教育局:各校核定岗位表')
  // A past school year: its 已聘 counted from that year's staff and the appointments then in force.
  const past = schools.school_year - 1
  const before = await page.request.get(`${BASE_URL}/api/v1/titles/posts?school_year=${past}`).then((r) => r.json())
  assert(before.total.some((l) => l.held.n > 0), `${past}学年应有已聘岗位:${JSON.stringify(before.total)}`)
  await page.locator('[data-test=title-posts-year]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: `${past}学年` }).click()
  await page.locator('.el-card__header', { hasText: `${past}学年 核定岗位与聘任` }).waitFor({ timeout: TIMEOUT })
  await page.locator('[data-test=title-posts-year]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: `${schools.school_year}学年` }).click()
  await page.locator('.el-card__header', { hasText: `${schools.school_year}学年 核定岗位与聘任` }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  教育局:往年岗位按当年的聘任统计')
  const report = page.locator('[data-test=title-report]')
  await report.waitFor({ timeout: TIMEOUT })
  const data = await page.request.get(`${BASE_URL}/api/v1/titles/report`).then((r) => r.json())
  const first = data.schools[0].levels.find((l) => l.level === '一级')
  assert(first.passed.n > first.appointed.n, `演示批次应有评审通过多于聘任的学校:${JSON.stringify(first)}`)
  await page.locator('[data-test=title-applications] .el-table__row').first().waitFor({ timeout: TIMEOUT })
  await page.screenshot({ path: `${shots}/e2e-titles.png`, fullPage: true })
  console.log('  ok  教育局:评审通过与聘任、申报名单')

  const school = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  school.on('pageerror', (e) => errors.push(e.message))
  await login(school, BASE_URL, 'school_admin')
  await school.locator('[data-test=menu-titles]').click()
  await school.locator('[data-test=title-posts]').waitFor({ timeout: TIMEOUT })
  const rows = await school.locator('[data-test=title-posts] .el-table__body-wrapper .el-table__row').count()
  assert(rows >= 1 && rows <= 4, `学校管理员只应看到本校一行(及合计):${rows}`)
  await school.locator('[data-test=title-apply]').click()
  const dialog = school.locator('.el-dialog', { has: school.locator('[data-test=case-action-form]') })
  await dialog.locator('[data-test=field-teacher_id]').waitFor({ timeout: TIMEOUT })
  await dialog.locator('[data-test=field-level]').waitFor({ timeout: TIMEOUT })
  console.log('  ok  学校管理员:申报职称对话框(申报教师、申报等级、业绩材料)')
})
