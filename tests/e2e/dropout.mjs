// End-to-end 控辍保学 on the demo county (its year of casework, cli/demo_dropout.h):
// the township officer's 待办 shows a dropout case waiting for a visit; they
// record the visit through the generic action dialog (记录家访劝返); the case
// stays 劝返中 with the new next-visit date, and its 记录 shows what was said.
// Then the 控辍保学 page draws its figures for 本学年, and 近一周 goes into the URL.
//
//   BASE_URL=http://127.0.0.1:8080 node dropout.mjs
import { TIMEOUT, assert, login, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('dropout: set BASE_URL')
  process.exit(2)
}
const api = (page, path) => page.request.get(`${BASE_URL}/api/v1${path}`).then((r) => r.json())

// The dialog's n-th date field (in the order the action declares them).
async function fillDate(dialog, n, value) {
  const input = dialog.locator('.el-date-editor input').nth(n)
  await input.fill(value)
  await input.press('Enter')
}

await run('dropout', async (browser, errors) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.on('pageerror', (e) => errors.push(e.message))
  await login(page, BASE_URL, 'officer')
  await page.locator('[data-test=menu-todo]').click()
  await page.locator('[data-test=todo-table]').waitFor({ timeout: TIMEOUT })
  const todo = await api(page, '/cases?box=todo')
  const waiting = todo.items.find((c) => c.kind === 'dropout' && c.actions.includes('visit'))
  assert(waiting, `乡镇专干的待办中没有待家访的控辍保学事项:${JSON.stringify(todo.items.slice(0, 3))}`)
  const row = page.locator('[data-test=todo-table] .el-table__row', { hasText: waiting.student_name }).first()
  await row.waitFor({ timeout: TIMEOUT })
  console.log('  ok  乡镇专干待办中有控辍保学事项')

  await row.locator('[data-test=action-visit]').click()
  const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=case-action-form]') })
  await dialog.waitFor()
  await fillDate(dialog, 0, '2026-11-28')  // 家访日期
  await dialog.locator('textarea[data-test=field-visitors]').fill('班主任、村干部')
  await dialog.locator('textarea[data-test=field-talk]').fill('家长承诺下周一送孩子返校')
  await dialog.locator('textarea[data-test=field-next_step]').fill('周一到校核实')
  await fillDate(dialog, 1, '2030-12-07')  // 下次家访日期
  await dialog.locator('[data-test=case-action-submit]').click()
  await page.locator('.el-message', { hasText: '劝返中' }).waitFor({ timeout: TIMEOUT })
  const after = (await api(page, `/cases/${waiting.id}`))
  assert(after.case.state === '劝返中' && after.case.due_on === '2030-12-07', `家访后状态不对:${JSON.stringify(after.case)}`)
  console.log('  ok  记录家访:仍为劝返中,下次家访日期为办理期限')

  await page.locator('[data-test=todo-box] .el-radio-button', { hasText: '全部' }).click()
  await page.locator(`[data-test=case-log-${waiting.id}]`).click()
  // The visit is in the case's log (what the server keeps), and the 记录 drawer lists the log.
  const logged = after.log.find((e) => e.action === 'visit' && e.fields.talk === '家长承诺下周一送孩子返校')
  assert(logged && logged.action_label === '记录家访劝返', `办理记录中没有这次家访:${JSON.stringify(after.log.slice(-2))}`)
  const steps = page.locator('.el-drawer .el-timeline-item')
  await steps.last().waitFor({ timeout: TIMEOUT })
  console.log('  ok  事项记录中有这次家访及谈话内容')

  await page.keyboard.press('Escape')
  await page.locator('[data-test=menu-dropout]').click()
  await page.locator('[data-test=dropout-units]').waitFor({ timeout: TIMEOUT })
  await page.locator('[data-test=total-still_out]').waitFor({ timeout: TIMEOUT })
  await page.locator('[data-test=dropout-period] .el-radio-button', { hasText: '近一周' }).click()
  await page.waitForURL(/period=week/, { timeout: TIMEOUT })
  await page.locator('[data-test=dropout-label]', { hasText: '近一周' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  控辍保学页:各乡镇学校统计,期间写入网址')
})
