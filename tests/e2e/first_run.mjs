// End-to-end test of 首次设置 against a server on an empty database: the login
// page sends the visitor to the set-up form, a wrong setup code is refused on
// its field, the right one creates the county, and its admin logs in.
//
//   BASE_URL=http://127.0.0.1:8081 SETUP_CODE=XXXXXXXXXXXX node first_run.mjs
import { TIMEOUT, login, run } from './lib.mjs'

const { BASE_URL, SETUP_CODE } = process.env
if (!BASE_URL || !SETUP_CODE) {
  console.error('first_run: set BASE_URL and SETUP_CODE')
  process.exit(2)
}

await run('first_run', async (browser, errors) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${BASE_URL}/#/login`)
  await page.waitForSelector('[data-test=setup-form]', { timeout: TIMEOUT })
  console.log('  ok  登录页转到首次设置')

  const fill = async (name, value) => page.locator(`input[data-test=setup-${name}]`).fill(value)
  await fill('county', '白沙县')
  await fill('code', '430522')
  await fill('username', 'baisha')
  await fill('display-name', '李局长')
  await fill('password', 'Shan#2026go')
  await fill('confirm', 'Shan#2026go')
  await fill('setup-code', 'AAAAAAAAAAAA')
  await page.locator('[data-test=setup-submit]').click()
  await page.getByText('设置码不正确').waitFor({ timeout: TIMEOUT })
  console.log('  ok  错误的设置码被拒绝')

  await fill('setup-code', SETUP_CODE.toLowerCase())
  await page.locator('[data-test=setup-submit]').click()
  await page.waitForSelector('[data-test=login-submit]', { timeout: TIMEOUT })
  await login(page, BASE_URL, 'baisha', 'Shan#2026go')
  await page.getByText('白沙县').first().waitFor({ timeout: TIMEOUT })
  console.log('  ok  新县的管理员登录')
})
