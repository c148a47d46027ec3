// End-to-end 休学 on the demo county: the school admin starts it from the
// student's row (学生 → 学籍异动 → 休学), filling the fields the declaration
// names and uploading its 证明材料 (a PDF); the bureau downloads that file
// from the case's log, the same bytes, and approves it in 待办; the student
// is then 休学. The bureau's dashboard shows the overdue cases per township
// (the demo county has one); the township's row opens its schools, whose
// link opens them in 待办.
//
//   BASE_URL=http://127.0.0.1:8080 node suspension.mjs
import { readFileSync } from 'node:fs'
import { TIMEOUT, assert, login, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('suspension: set BASE_URL')
  process.exit(2)
}
const api = (page, path) => page.request.get(`${BASE_URL}/api/v1${path}`).then((r) => r.json())

async function fillDate(form, label, value) {
  const input = form.locator('.el-form-item', { hasText: label }).locator('input')
  await input.fill(value)
  await input.press('Enter')
}

await run('suspension', async (browser, errors) => {
  const watch = (p) => p.on('pageerror', (e) => errors.push(e.message))
  const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(admin)
  await login(admin, BASE_URL, 'admin')
  await admin.locator('[data-test=current-user]').waitFor({ timeout: TIMEOUT })

  const school = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(school)
  await login(school, BASE_URL, 'school_admin')
  await school.locator('[data-test=current-user]').waitFor({ timeout: TIMEOUT })
  const busy = (await api(admin, '/cases?box=all')).items.map((c) => c.student_id)
  const student = (await api(school, '/students?status=%E5%9C%A8%E8%AF%BB&size=50'))
    .items.find((s) => !busy.includes(s.id))
  assert(student, '没有可办理休学的在读学生')
  await school.locator('[data-test=menu-students]').click()
  await school.locator('input[data-test=student-search]').fill(student.name)
  await school.locator(`[data-test=status-change-${student.id}]`).click({ timeout: TIMEOUT })
  await school.locator('[data-test=status-change-suspend]:visible').click()
  const form = school.locator('.el-dialog', { has: school.locator('[data-test=case-action-form]') })
  await form.waitFor()
  await fillDate(form, '休学截止日期', '2027-07-10')
  await form.locator('textarea[data-test=field-reason]').fill('因病住院治疗')
  await fillDate(form, '休学日期', '2026-11-20')
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n')
  await form.locator('[data-test=field-evidence] input[type=file]')
    .setInputFiles({ name: '县人民医院诊断证明.pdf', mimeType: 'application/pdf', buffer: pdf })
  await form.locator('[data-test=file-evidence]', { hasText: '县人民医院诊断证明.pdf' }).waitFor({ timeout: TIMEOUT })
  await form.locator('[data-test=case-action-submit]').click()
  await school.locator('.el-message', { hasText: '待教育局审批' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  学校从学生名单发起休学')

  await admin.locator('[data-test=menu-todo]').click()
  const waiting = (await api(admin, '/cases?box=todo')).items.find((c) => c.student_id === student.id)
  assert(waiting, '待办中没有该生的休学申请')
  await admin.locator(`[data-test=case-log-${waiting.id}]`).click({ timeout: TIMEOUT })
  const link = admin.locator('[data-test=case-log] .el-link', { hasText: '县人民医院诊断证明.pdf' })
  await link.waitFor({ timeout: TIMEOUT })
  const download = admin.waitForEvent('download', { timeout: TIMEOUT })
  await link.click()
  const saved = readFileSync(await (await download).path())
  assert(saved.equals(pdf), `下载的证明材料与上传的不同(${saved.length} 字节)`)
  await admin.keyboard.press('Escape')
  await admin.locator('[data-test=case-log]').waitFor({ state: 'hidden', timeout: TIMEOUT })
  console.log('  ok  教育局在办理记录中下载证明材料,与上传的相同')
  await admin.locator('[data-test=todo-table] .el-table__row', { hasText: student.name })
    .locator('[data-test=action-approve]').click()
  const approve = admin.locator('.el-dialog', { has: admin.locator('[data-test=case-action-form]') })
  await approve.waitFor()
  await approve.locator('[data-test=case-action-submit]').click()
  await admin.locator('.el-message', { hasText: '休学中' }).waitFor({ timeout: TIMEOUT })
  const after = (await api(admin, `/students/${student.id}`)).student
  assert(after.status === '休学', `学籍状态未变为休学:${after.status}`)
  console.log('  ok  教育局审批通过,学生为休学')

  await admin.locator('[data-test=menu-dashboard]').click()
  const card = admin.locator('[data-test=overdue-cases]')
  await card.waitFor({ timeout: TIMEOUT })
  const overdue = await api(admin, '/cases/overdue')
  assert(overdue.total >= 1, `演示县应有逾期事项:${JSON.stringify(overdue)}`)
  // The bureau's table is by township; a township's row opens its schools.
  const township = overdue.townships[0]
  const first = township.schools[0]
  const row = card.locator('.el-table__row', { has: admin.locator(`[data-test=overdue-township-${township.township_id}]`) })
  assert((await row.innerText()).includes(`${township.overdue} 件`), `乡镇逾期数应为 ${township.overdue}`)
  await row.locator('.el-table__expand-icon').click()
  await card.locator(`[data-test=overdue-${first.school_id}]`).click()
  await admin.locator('[data-test=todo-narrowed]').waitFor({ timeout: TIMEOUT })
  const rows = admin.locator('[data-test=todo-table] .el-table__row')
  await rows.first().waitFor({ timeout: TIMEOUT })
  assert((await rows.count()) === first.overdue, `逾期清单 ${await rows.count()} 件 ≠ ${first.overdue}`)
  console.log('  ok  首页按乡镇统计逾期,展开后链接到该校逾期事项')
})
