// End-to-end 县内转学 on the demo county, through the 待办 page only: the
// school admin applies for one of their students (发起学籍异动 → 县内转学 ·
// 申请转学, the generic action dialog), the receiving school's admin (created here through POST /users)
// accepts naming a class, the bureau approves; then the student's school is
// the receiving one and the case's 记录 lists the three steps.
//
//   BASE_URL=http://127.0.0.1:8080 node transfer.mjs
import { TIMEOUT, apiGet, assert, login, otherSchoolAdmin, pickOption, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('transfer: set BASE_URL')
  process.exit(2)
}
const api = (page, path) => apiGet(page, BASE_URL, path)

async function openTodo(page, username, password) {
  await login(page, BASE_URL, username, password)
  await page.locator('[data-test=menu-todo]').click()
  await page.locator('[data-test=todo-table]').waitFor({ timeout: TIMEOUT })
}

await run('transfer', async (browser, errors) => {
  const watch = (p) => p.on('pageerror', (e) => errors.push(e.message))
  const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(admin)
  await login(admin, BASE_URL, 'admin')
  await admin.locator('[data-test=current-user]').waitFor({ timeout: TIMEOUT })
  const { own, target } = await otherSchoolAdmin(admin, BASE_URL, 'e2e_receiver', '转入校管理员', 'Receive2026')

  const sender = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(sender)
  await openTodo(sender, 'school_admin')
  // A 在读 student without a case (the demo county has casework of its own).
  const busy = (await api(admin, '/cases?box=all')).items.map((c) => c.student_id)
  const student = (await api(sender, '/students?status=%E5%9C%A8%E8%AF%BB&size=50')).items.find((s) => !busy.includes(s.id))
  await sender.locator('[data-test=start-case]').click()
  await sender.locator('[data-test=start-transfer-apply]').click()
  const form = sender.locator('.el-dialog', { has: sender.locator('[data-test=case-action-form]') })
  await form.waitFor()
  await pickOption(sender, form, 'student_id', student.name, student.name)
  await pickOption(sender, form, 'target_school_id', target.name, target.name)
  await form.locator('textarea[data-test=field-reason]').fill('随父母迁居')
  const date = form.locator('.el-date-editor input')
  await date.fill('2026-11-20')
  await date.press('Enter')
  await form.locator('[data-test=case-action-submit]').click()
  await sender.locator('.el-message', { hasText: '待转入校确认' }).waitFor({ timeout: TIMEOUT })
  const opened = (await api(admin, '/cases?box=all')).items.find((c) => c.student_id === student.id)
  assert(opened && opened.state === '待转入校确认', `申请未建立:${JSON.stringify(opened)}`)
  console.log('  ok  转出学校发起转学')

  const receiver = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(receiver)
  await openTodo(receiver, 'e2e_receiver', 'Receive2026')
  await receiver.locator('[data-test=todo-badge]').waitFor({ timeout: TIMEOUT })
  await receiver.locator('[data-test=todo-table] .el-table__row', { hasText: student.name })
    .locator('[data-test=action-accept]').click()
  const accept = receiver.locator('.el-dialog', { has: receiver.locator('[data-test=case-action-form]') })
  await accept.waitFor()
  await pickOption(receiver, accept, 'class_id', '班', '班')
  await accept.locator('[data-test=case-action-submit]').click()
  await receiver.locator('.el-message', { hasText: '待教育局审批' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  转入学校同意接收')

  await admin.locator('[data-test=menu-todo]').click()
  await admin.locator('[data-test=todo-table] .el-table__row', { hasText: student.name })
    .locator('[data-test=action-approve]').click()
  const approve = admin.locator('.el-dialog', { has: admin.locator('[data-test=case-action-form]') })
  await approve.waitFor()
  await approve.locator('[data-test=case-action-submit]').click()
  await admin.locator('.el-message', { hasText: '已转学' }).waitFor({ timeout: TIMEOUT })
  const moved = (await api(admin, `/students/${student.id}`)).student
  assert(moved.school_id === target.id, `学生学校未变:${moved.school_id} ≠ ${target.id}`)
  console.log('  ok  教育局审批通过,学生转入新学校')

  await admin.locator('[data-test=todo-box] .el-radio-button', { hasText: '全部' }).click()
  await admin.locator(`[data-test=case-log-${opened.id}]`).click()
  const steps = admin.locator('.el-drawer .el-timeline-item')
  await steps.nth(2).waitFor({ timeout: TIMEOUT })
  const history = (await steps.allTextContents()).join(' | ')
  assert((await steps.count()) === 3 && history.includes('申请转学') && history.includes('审批通过'),
    `办理记录不全:${history}`)
  console.log('  ok  办理记录列出申请、接收、审批三步')
})
