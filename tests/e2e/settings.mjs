// 办理设置 on the demo county: the bureau admin opens the page from the menu, sees 县内转学's
// waiting states with their days, sets 待转入校确认 to 10 days in its number input and the
// server keeps it (GET /settings/workflows); then it is set back as it was. Then a county
// rule: from the 交流轮岗 plan's link (修改交流规则) to the 交流轮岗 tab, 在同一学校连续任教满 set
// to 5 years; the plan reads the new rule (its rules line and GET /exchange/plan), and the rule
// is set back to 6.
//
//   BASE_URL=http://127.0.0.1:8080 node settings.mjs
import { TIMEOUT, assert, login, openMenu, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('settings: set BASE_URL')
  process.exit(2)
}
const api = (page, path) => page.request.get(`${BASE_URL}/api/v1${path}`).then((r) => r.json())
const SETTING = 'case_deadline_days.transfer.待转入校确认'
const daysOf = async (page) =>
  (await api(page, '/settings/workflows')).items.find((w) => w.kind === 'transfer').deadlines.find((d) => d.setting === SETTING).days

await run('settings', async (browser, errors) => {
  const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  admin.on('pageerror', (e) => errors.push(e.message))
  await login(admin, BASE_URL, 'admin')
  await openMenu(admin, 'settings')
  const transfer = admin.locator('[data-test=settings-transfer]')
  await transfer.waitFor({ timeout: TIMEOUT })
  assert((await transfer.innerText()).includes('待转入校确认'), '办理时限页没有列出“待转入校确认”')
  const input = transfer.locator(`[data-test="days-${SETTING}"] input`)
  const before = await daysOf(admin)
  await input.fill('10')
  await input.press('Enter')
  await admin.locator('.el-message', { hasText: '已改为 10 天' }).waitFor({ timeout: TIMEOUT })
  assert((await daysOf(admin)) === 10, '服务器没有保存新的办理时限')
  console.log('  ok  教育局修改“待转入校确认”的办理时限为 10 天')

  await input.fill(String(before))
  await input.press('Enter')
  await admin.locator('.el-message', { hasText: `已改为 ${before} 天` }).waitFor({ timeout: TIMEOUT })
  assert((await daysOf(admin)) === before, '办理时限未能改回')
  console.log('  ok  改回默认天数')

  // A county rule, from the exchange plan.
  const RULE = 'exchange.min_years'
  const ruleOf = async () =>
    (await api(admin, '/settings/workflows')).rules.flatMap((g) => g.rules).find((r) => r.setting === RULE).value
  const setRule = async (years) => {
    const field = admin.locator(`[data-test="rule-${RULE}"] input`)
    await field.fill(String(years))
    await field.press('Enter')
    await admin.locator('.el-message', { hasText: `已改为 ${years} 年` }).waitFor({ timeout: TIMEOUT })
  }
  await openMenu(admin, 'exchange')
  await admin.locator('[data-test=exchange-rules-link]').click()
  const rules = admin.locator('[data-test="rules-交流轮岗"]')
  await rules.waitFor({ timeout: TIMEOUT })
  assert((await rules.innerText()).includes('在同一学校连续任教满'), '交流轮岗规则页没有列出“在同一学校连续任教满”')
  await setRule(5)
  assert((await ruleOf()) === '5', '服务器没有保存新的交流规则')
  assert((await api(admin, '/exchange/plan')).rules.min_years === 5, '交流计划没有按新规则计算')
  await openMenu(admin, 'exchange')
  await admin.locator('[data-test=exchange-rules]', { hasText: '任教满5年' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  从交流轮岗计划进入规则设置,任教年限改为 5 年,计划按新规则计算')

  await admin.locator('[data-test=exchange-rules-link]').click()
  await rules.waitFor({ timeout: TIMEOUT })
  await setRule(6)
  assert((await ruleOf()) === '6', '交流规则未能改回')
  console.log('  ok  改回 6 年')
})
