// 学生档案 and 数据核查 on the demo county. At 1366 px the school admin opens a
// student from the 学生 list by their name and sees the header card and the
// history (their years in the register, as GET /students/{id}/history lists
// them); the 数据核查 page shows a count per check and its rows open the
// 学生档案. At 390 px the same pages are cards with no horizontal scroll.
//
//   BASE_URL=http://127.0.0.1:8080 node student_history.mjs
import { TIMEOUT, assert, login, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('student_history: set BASE_URL')
  process.exit(2)
}
const api = (page, path) => page.request.get(`${BASE_URL}/api/v1${path}`).then((r) => r.json())
const noSideScroll = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)

await run('student_history', async (browser, errors) => {
  const watch = (p) => p.on('pageerror', (e) => errors.push(e.message))

  const wide = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(wide)
  await login(wide, BASE_URL, 'school_admin')
  await wide.locator('[data-test=current-user]').waitFor({ timeout: TIMEOUT })
  await wide.locator('[data-test=menu-students]').click()
  const link = wide.locator('[data-test=student-table] [data-test=student-link]').first()
  await link.waitFor({ timeout: TIMEOUT })
  const name = (await link.textContent()).trim()
  await link.click()
  await wide.locator('[data-test=student-history]').waitFor({ timeout: TIMEOUT })
  const id = Number(wide.url().match(/students\/(\d+)/)[1])
  const history = await api(wide, `/students/${id}/history`)
  assert((await wide.locator('[data-test=student-title]').textContent()).trim() === name, `档案标题不是 ${name}`)
  assert(history.student.name === name, '档案不是所点的学生')
  const years = await wide.locator('[data-test=history-year]').count()
  assert(years === history.enrolments.length && years > 0, `学籍年度 ${years} 条,应为 ${history.enrolments.length}`)
  const last = history.enrolments[history.enrolments.length - 1]
  const timeline = await wide.locator('[data-test=student-history]').textContent()
  assert(timeline.includes(`${last.school_year}学年 · ${last.school_name}`), '时间线缺少最近学年')
  assert(timeline.includes(last.class_name), '时间线缺少班级')
  assert((await wide.locator('[data-test=breadcrumb]').textContent()).includes('学生档案'), '面包屑没有“学生档案”')
  assert((await wide.title()).startsWith('学生档案'), '页面标题不是学生档案')

  await wide.locator('[data-test=menu-checks]').click()
  await wide.locator('[data-test=check-tabs]').waitFor({ timeout: TIMEOUT })
  const counts = (await api(wide, '/checks')).items
  for (const c of counts) {
    const tab = (await wide.locator(`[data-test=check-tab-${c.key}]`).textContent()).replace(/\s/g, '')
    assert(tab === `${c.title}${c.count}`, `“${c.title}”标签显示 ${tab},应为 ${c.count}`)
  }
  const found = counts.find((c) => c.count > 0)
  assert(found, '演示县本校没有任何核查结果')
  await wide.locator(`[data-test=check-tab-${found.key}]`).click()
  const row = wide.locator('[data-test=check-table] [data-test=check-student]').first()
  await row.waitFor({ timeout: TIMEOUT })
  const rowName = (await row.textContent()).trim()
  await row.click()
  await wide.locator('[data-test=student-history]').waitFor({ timeout: TIMEOUT })
  assert((await wide.locator('[data-test=student-title]').textContent()).trim() === rowName, '核查行没有打开其学生档案')

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } })
  watch(phone)
  await login(phone, BASE_URL, 'school_admin')
  await phone.locator('[data-test=current-user]').waitFor({ timeout: TIMEOUT })
  await phone.goto(`${BASE_URL}/#/students/${id}`)
  await phone.locator('[data-test=student-history]').waitFor({ timeout: TIMEOUT })
  assert(await phone.locator('[data-test=history-year]').count() === years, '手机上学籍年度条数不同')
  assert(await noSideScroll(phone), '学生档案在 390 px 宽出现横向滚动')
  await phone.goto(`${BASE_URL}/#/checks?kind=${found.key}`)
  await phone.locator('[data-test=check-cards] .row-card').first().waitFor({ timeout: TIMEOUT })
  assert(await noSideScroll(phone), '数据核查在 390 px 宽出现横向滚动')
  console.log(`student_history ok: ${name} 的档案 ${years} 个学年;核查 ${counts.map((c) => `${c.title} ${c.count}`).join('、')}`)
})
