// What the browser tests share: Debian's Chromium with the house flags, a
// login through the login page, and an assertion that fails the step.
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
