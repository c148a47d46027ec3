// Automated accessibility check of every menu page (axe-core in headless Chromium):
// logged in as admin, each page of the sidebar is opened, left to settle, and checked
// for text contrast (≥ 4.5:1), names on buttons and links, labels on form controls
// and alternative text on images. Any violation fails, naming the page, the rule and
// the first elements concerned. The login page is checked too.
//
//   BASE_URL=http://127.0.0.1:8080 node a11y.mjs
import { TIMEOUT, assert, axeViolations, launch } from './lib.mjs'

const { BASE_URL } = process.env
const RULES = ['color-contrast', 'button-name', 'link-name', 'label', 'image-alt', 'select-name', 'input-button-name']
if (!BASE_URL) {
  console.error('a11y: set BASE_URL')
  process.exit(2)
}

const browser = await launch()
const failures = []
try {
  // bypassCSP: the server's Content-Security-Policy refuses inline scripts, axe's among them.
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, bypassCSP: true })
  const check = async (name) => {
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(() => !document.querySelector('.el-loading-mask'), null, { timeout: TIMEOUT }).catch(() => {})
    await page.waitForTimeout(600) // charts and transitions settle
    const found = await axeViolations(page, { rules: RULES })
    for (const v of found) failures.push(`${name}:${v.rule} ×${v.count} — ${v.nodes.join(';')}`)
    console.log(`  ${found.length ? 'FAIL' : 'ok  '}  ${name}${found.length ? `(${found.map((v) => v.rule).join(', ')})` : ''}`)
  }

  await page.goto(`${BASE_URL}/#/login`)
  await page.locator('input[data-test=login-username]').waitFor({ timeout: TIMEOUT })
  await check('登录')
  await page.locator('input[data-test=login-username]').fill('admin')
  await page.locator('input[data-test=login-password]').fill('Demo@2026')
  await page.locator('[data-test=login-submit]').click()
  await page.locator('[data-test=menu] [data-test^=menu-]').first().waitFor({ timeout: TIMEOUT })

  const entries = await page.$$eval('[data-test=menu] [data-test^=menu-]', (items) =>
    items.map((i) => ({ test: i.getAttribute('data-test'), title: i.innerText.trim().split('\n')[0] })),
  )
  assert(entries.length > 5, `菜单项过少:${entries.length}`)
  for (const { test, title } of entries) {
    await page.locator(`[data-test=menu] [data-test=${test}]`).click()
    await check(title)
  }
  if (failures.length) throw new Error(`${failures.length} 处无障碍问题:\n    ${failures.join('\n    ')}`)
} catch (e) {
  console.error(`a11y FAILED: ${e.message}`)
  process.exitCode = 1
} finally {
  await browser.close()
}

