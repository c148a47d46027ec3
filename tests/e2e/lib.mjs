// What the browser tests share: Debian's Chromium with the house flags, a
// login through the login page, the API in the page's session, a RemoteSelect pick, an assertion that fails the step, and the steps every
// role's test takes: a session per user and width, opening a menu page (sidebar or drawer),
// no sideways scrolling, columns that fit, no console errors, and axe-core's check.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium } from 'playwright-core'

export const PASSWORD = 'Demo@2026'
export const TIMEOUT = 15000

export function assert(condition, message) {
  if (!condition) throw new Error(message)
}

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}

export async function login(page, baseUrl, username, password = PASSWORD) {
  await page.goto(`${baseUrl}/#/login`)
  await page.locator('input[data-test=login-username]').fill(username)
  await page.locator('input[data-test=login-password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
}

// The API as the page's session: GET (the answer's JSON) and POST (with the session's CSRF token).
export const apiGet = (page, baseUrl, path) => page.request.get(`${baseUrl}/api/v1${path}`).then((r) => r.json())
export async function apiPost(page, baseUrl, path, data) {
  const csrf = (await apiGet(page, baseUrl, '/auth/me')).csrf_token
  return page.request.post(`${baseUrl}/api/v1${path}`, { headers: { 'X-CSRF-Token': csrf }, data })
}

// As the bureau admin on `page`: the school admin's school (`own`) and another school (`target`),
// whose admin `username` (password `password`) is created here through POST /users.
export async function otherSchoolAdmin(page, baseUrl, username, displayName, password) {
  const own = (await apiGet(page, baseUrl, '/users')).items.find((u) => u.username === 'school_admin').school_id
  const target = (await apiGet(page, baseUrl, '/schools?size=100')).items.find((s) => s.id !== own)
  const made = await apiPost(page, baseUrl, '/users', {
    username, display_name: displayName, password, role: 'school_admin', school_id: target.id,
  })
  assert(made.status() === 201, `建${displayName}失败:${made.status()}`)
  return { own, target }
}

// Picks the option labelled `text` in the RemoteSelect `field` of `dialog`, after typing `typed`.
export async function pickOption(page, dialog, field, typed, text) {
  await dialog.locator(`[data-test=field-${field}] input`).fill(typed)
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

// Runs `body(browser, errors)` and exits non-zero on a failure or a page error.
export async function run(name, body) {
  const browser = await launch()
  const errors = []
  try {
    await body(browser, errors)
    if (errors.length) throw new Error(`页面脚本错误:${errors.join('; ')}`)
  } catch (e) {
    console.error(`${name} FAILED: ${e.message.split('\n')[0]}`)
    process.exitCode = 1
  } finally {
    await browser.close()
  }
}

// Collects the page's console errors and uncaught exceptions into `errors` (run() fails on any).
export function watchConsole(page, errors, label = '') {
  page.on('pageerror', (e) => errors.push(`${label}${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${label}console: ${m.text()}`)
  })
}

// A fresh session (its own cookies) as `username` at `viewport`, logged in and on the 首页;
// its console errors go to `errors`.
export async function loginAs(browser, baseUrl, username, viewport, errors) {
  // bypassCSP: the server's Content-Security-Policy refuses inline scripts, axe's among them.
  const context = await browser.newContext({ viewport, bypassCSP: true })
  const page = await context.newPage()
  page.setDefaultTimeout(TIMEOUT)
  watchConsole(page, errors, `${username}@${viewport.width}: `)
  await login(page, baseUrl, username)
  await page.waitForURL((u) => !u.hash.includes('login'))
  return page
}

// Opens a menu page the way its user does: from the sidebar, or from the drawer (its toggle in
// the header) on a phone. Waits until the page has loaded.
export async function openMenu(page, name) {
  if (page.viewportSize().width < 768) {
    await page.locator('[data-test=menu-toggle]').click()
    await page.locator(`.el-drawer [data-test=menu-${name}]`).click()
  } else {
    await page.locator(`[data-test=menu] [data-test=menu-${name}]`).click()
  }
  await settle(page)
}

// Waits for the requests to end and the visible loading masks to go (a tab not shown may keep one).
export async function settle(page) {
  await page.waitForLoadState('networkidle')
  await page.waitForFunction(() => ![...document.querySelectorAll('.el-loading-mask')].some((m) => m.offsetParent), null, {
    timeout: TIMEOUT,
  })
}

// The page (or what `selector` matches) must not scroll sideways: no wider than the window.
export async function assertNoSideScroll(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert(overflow <= 0, `${what}:${page.viewportSize().width} px 宽时不应横向滚动(超出 ${overflow} px)`)
}

// A wide table shows all its columns: its body no wider than its scroll area.
export async function assertColumnsFit(page, table, what) {
  const [body, area] = await page.locator(`[data-test=${table}]`).evaluate((t) => [
    t.querySelector('.el-table__body').offsetWidth,
    t.querySelector('.el-table__body-wrapper .el-scrollbar__wrap').clientWidth,
  ])
  assert(body <= area, `${what}:${page.viewportSize().width} px 宽时表格列应全部可见(表格 ${body} px,可见 ${area} px)`)
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

// axe-core's violations on the page as it is now (within `selector`, default the whole page):
// those of `rules` when given, else every rule's of serious or critical impact. Running CSS
// transitions are finished first, so colours are measured as they settle, not half-way.
export async function axeViolations(page, { rules = null, selector = 'html' } = {}) {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(
    async ([rules, selector]) => {
      for (const animation of document.getAnimations())
        if (animation.effect?.getTiming().iterations !== Infinity) animation.finish()
      const options = rules ? { runOnly: { type: 'rule', values: rules } } : {}
      const result = await window.axe.run(document.querySelector(selector), options)
      return result.violations
        .filter((v) => rules || v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({
          rule: v.id,
          nodes: v.nodes.slice(0, 3).map((n) => `${n.html.slice(0, 160)}${n.any[0]?.message ? `(${n.any[0].message})` : ''}`),
          count: v.nodes.length,
        }))
    },
    [rules, selector],
  )
}
