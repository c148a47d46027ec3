// End-to-end 交流轮岗 on the demo county: the bureau proposes on the 交流轮岗
// page (拟定交流, the generic case dialog: a teacher of the school admin's
// school to another school), the sending school agrees and the receiving
// school's admin (created here through POST /users) accepts in their 待办,
// the bureau approves in its 待办; then the teacher is at the receiving
// school and the plan lists them among the exchanges away.
//
//   BASE_URL=http://127.0.0.1:8080 node exchange.mjs
import { TIMEOUT, apiGet, assert, login, otherSchoolAdmin, pickOption, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('exchange: set BASE_URL')
  process.exit(2)
}
const api = (page, path) => apiGet(page, BASE_URL, path)

const dialogOf = (page) => page.locator('.el-dialog', { has: page.locator('[data-test=case-action-form]') })

// In the user's 待办, the action `key` on the row of `name`, submitted; waits for the new state.
async function actInTodo(page, name, key, state) {
  await page.locator('[data-test=menu-todo]').click()
  await page.locator('[data-test=todo-table] .el-table__row', { hasText: name })
    .locator(`[data-test=action-${key}]`).click()
  const dialog = dialogOf(page)
  await dialog.waitFor()
  await dialog.locator('[data-test=case-action-submit]').click()
  await page.locator('.el-message', { hasText: state }).waitFor({ timeout: TIMEOUT })
}

await run('exchange', async (browser, errors) => {
  const watch = (p) => p.on('pageerror', (e) => errors.push(e.message))
  const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(admin)
  await login(admin, BASE_URL, 'admin')
  await admin.locator('[data-test=current-user]').waitFor({ timeout: TIMEOUT })
  const { own, target } = await otherSchoolAdmin(admin, BASE_URL, 'e2e_host', '接收校管理员', 'Receive2026')
  // A teacher of the school admin's school with no exchange case (the demo county has some), a unique name.
  const busy = (await api(admin, '/cases?box=all')).items.map((c) => c.teacher_id)
  const staff = (await api(admin, `/teachers?school_id=${own}&size=100`)).items
  const teacher = staff.find((t) => !busy.includes(t.id) && staff.filter((o) => o.name === t.name).length === 1)
  assert(teacher, '没有可交流的教师')

  await admin.locator('[data-test=menu-exchange]').click()
  await admin.locator('[data-test=exchange-plan]').waitFor({ timeout: TIMEOUT })
  await admin.locator('[data-test=exchange-propose]').click()
  const form = dialogOf(admin)
  await form.waitFor()
  await pickOption(admin, form, 'teacher_id', teacher.name, teacher.name)
  await pickOption(admin, form, 'target_school_id', target.name, target.name)
  await form.locator('[data-test=case-action-submit]').click()
  await admin.locator('.el-message', { hasText: '待派出校同意' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  教育局拟定交流')

  const sender = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(sender)
  await login(sender, BASE_URL, 'school_admin')
  await actInTodo(sender, teacher.name, 'agree', '待接收校同意')
  console.log('  ok  派出学校同意')

  const host = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  watch(host)
  await login(host, BASE_URL, 'e2e_host', 'Receive2026')
  await actInTodo(host, teacher.name, 'accept', '待教育局审批')
  console.log('  ok  接收学校同意接收')

  await actInTodo(admin, teacher.name, 'approve', '交流中')
  const moved = (await api(admin, `/teachers/${teacher.id}`)).teacher
  assert(moved.school_id === target.id, `教师学校未变:${moved.school_id} ≠ ${target.id}`)
  await admin.locator('[data-test=menu-exchange]').click()
  await admin.locator('[data-test=exchange-away] .el-table__row', { hasText: teacher.name })
    .waitFor({ timeout: TIMEOUT })
  console.log('  ok  教育局审批通过,教师到接收学校交流,计划列出其返回日期')
})
