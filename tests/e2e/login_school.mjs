// End-to-end test of the web UI against a running server with the demo county:
// login (Chinese), dashboard figures and charts, the school list and a school's page,
// masked ID numbers, then the school admin's view (exactly one school).
//
//   BASE_URL=http://127.0.0.1:8080 [SCREENSHOT_DIR=/tmp] node login_school.mjs
//
// Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM); no browser download.
import { chromium } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import path from 'node:path'

const BASE_URL = process.env.BASE_URL
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR || '/tmp'
const PASSWORD = 'Demo@2026'
const TIMEOUT = 15000

if (!BASE_URL) {
  console.error('e2e: set BASE_URL, e.g. BASE_URL=http://127.0.0.1:8080')
  process.exit(2)
}

let passed = 0
class Failure extends Error {}

function assert(condition, message) {
  if (!condition) throw new Failure(message)
}

async function step(name, fn) {
  try {
    await fn()
  } catch (e) {
    throw new Failure(`${name}: ${e.message.split('\n')[0]}`)
  }
  passed++
  console.log(`  ok  ${name}`)
}

const rows = (table) => `[data-test=${table}] .el-table__body tr.el-table__row`

async function login(page, username, password) {
  await page.locator('input[data-test=login-username]').fill(username)
  await page.locator('input[data-test=login-password]').fill(password)
  await page.locator('[data-test=login-submit]').click()
}

async function openMenu(page, name, table) {
  await page.locator(`[data-test=menu-${name}]`).click()
  await page.waitForSelector(rows(table), { timeout: TIMEOUT })
}

// Non-blank pixels of the first chart canvas, once ECharts has drawn it.
async function waitForChart(page) {
  await page.waitForFunction(
    () => {
      const canvas = document.querySelector('.chart canvas')
      if (!canvas || canvas.width === 0) return false
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height)
      let painted = 0
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++
      return painted > 500
    },
    null,
    { timeout: TIMEOUT },
  )
}

async function main() {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  const pageErrors = []
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    page.setDefaultTimeout(TIMEOUT)
    page.on('pageerror', (e) => pageErrors.push(e.message))
    // Vue reports render errors on the console; expected 401s show as failed resource loads.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) pageErrors.push(m.text())
    })

    await step('未登录时打开首页跳转到中文登录页', async () => {
      await page.goto(BASE_URL)
      const title = await page.locator('[data-test=login-title]').textContent()
      assert(title.includes('教育局综合管理平台'), `登录页标题为“${title}”`)
      const button = (await page.locator('[data-test=login-submit]').textContent()).trim()
      assert(button === '登录', `登录按钮文字为“${button}”`)
      assert((await page.getAttribute('html', 'lang')) === 'zh-CN', 'html lang 不是 zh-CN')
    })

    await step('密码错误时显示服务器返回的中文提示', async () => {
      await login(page, 'admin', 'wrong-password-1')
      const error = await page.locator('[data-test=login-error]').textContent()
      assert(/[\u4e00-\u9fa5]/.test(error), `错误提示不是中文:“${error}”`)
    })

    await step('管理员登录后首页显示学校数和图表', async () => {
      await login(page, 'admin', PASSWORD)
      const value = page.locator('[data-test=stat-schools] .stat-value')
      await value.waitFor()
      const schools = Number((await value.textContent()).replace(/[^\d]/g, ''))
      assert(schools > 0, `学校数为 ${schools}`)
      await waitForChart(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-dashboard.png'), fullPage: true })
    })

    let schoolName
    await step('学校列表可搜索,点击进入学校详情', async () => {
      await openMenu(page, 'schools', 'school-table')
      schoolName = (await page.locator(`${rows('school-table')} [data-test=school-name]`).first().textContent()).trim()
      await page.locator('input[data-test=school-search]').fill(schoolName)
      await page.waitForFunction(
        ({ selector, name }) => {
          const names = [...document.querySelectorAll(selector)].map((e) => e.textContent.trim())
          return names.length > 0 && names.every((n) => n.includes(name))
        },
        { selector: `${rows('school-table')} [data-test=school-name]`, name: schoolName },
      )
      await page.locator(rows('school-table')).first().click()
      const title = page.locator('[data-test=school-title]')
      await title.waitFor()
      assert((await title.textContent()).trim() === schoolName, `详情标题为“${await title.textContent()}”`)
    })

    await step('学校详情的“学段与班级”列出班级', async () => {
      await page.waitForSelector(rows('class-table'))
      const classes = await page.locator(rows('class-table')).count()
      assert(classes > 0, `${schoolName} 没有班级`)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-school.png'), fullPage: true })
    })

    await step('学生列表中的身份证号已脱敏', async () => {
      await openMenu(page, 'students', 'student-table')
      const numbers = await page.locator(`${rows('student-table')} [data-test=id-number]`).allTextContents()
      assert(numbers.length > 0, '学生列表为空')
      const plain = numbers.filter((n) => !n.includes('****'))
      assert(plain.length === 0, `未脱敏的身份证号:${plain.join(', ')}`)
    })

    await step('管理员可查看完整身份证号,并提示已记录', async () => {
      const first = page.locator(rows('student-table')).first()
      await first.locator('[data-test=reveal-id-number]').click()
      await page.waitForFunction(
        (selector) => /^\d{17}[\dX]$/.test(document.querySelector(selector)?.textContent.trim()),
        `${rows('student-table')} [data-test=id-number]`,
      )
      await page.locator('.el-message', { hasText: '查看已记录' }).waitFor()
    })

    await step('退出登录回到登录页', async () => {
      await page.locator('[data-test=logout]').click()
      await page.locator('[data-test=login-title]').waitFor()
    })

    await step('学校管理员只看到本校(学校列表恰有1行)', async () => {
      await login(page, 'school_admin', PASSWORD)
      await page.locator('[data-test=stat-schools]').waitFor()
      assert((await page.locator('[data-test=menu-users]').count()) === 0, '学校管理员看到了“用户管理”菜单')
      await openMenu(page, 'schools', 'school-table')
      const count = await page.locator(rows('school-table')).count()
      assert(count === 1, `学校列表有 ${count} 行`)
    })

    await step('页面没有脚本错误', async () => {
      assert(pageErrors.length === 0, pageErrors.join(' | '))
    })
  } finally {
    await browser.close()
  }
}

try {
  await main()
  console.log(`e2e: ${passed} passed, 0 failed`)
} catch (e) {
  console.error(`  FAIL ${e.message}`)
  console.error(`e2e: ${passed} passed, 1 failed`)
  process.exit(1)
}
