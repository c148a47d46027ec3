// End-to-end test of the frame every page shares, at three widths: the full
// sidebar at 1366 px, icons only at 1100 px, a drawer at 390 px (opened by the
// header's button, closed by choosing a page) and a school's page as cards; the 面包屑 of a page outside the
// menu; menu entries reachable by Tab and opened by Enter.
//
//   BASE_URL=http://127.0.0.1:8080 node layout.mjs
import { TIMEOUT, assert, login, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('layout: set BASE_URL')
  process.exit(2)
}

await run('layout', async (browser, errors) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.on('pageerror', (e) => errors.push(e.message))
  await login(page, BASE_URL, 'officer')
  const schools = page.locator('[data-test=menu-schools]')
  await schools.waitFor({ timeout: TIMEOUT })
  assert((await schools.innerText()).includes('学校'), '1366 px 时菜单应显示文字')

  await schools.click()
  await page.locator('.el-table__row').first().waitFor({ timeout: TIMEOUT })
  await page.locator('.el-table__row a, .el-table__row .el-link').first().click()
  await page.waitForURL(/#\/schools\/\d+/, { timeout: TIMEOUT })
  const crumbs = await page.locator('[data-test=breadcrumb]').innerText()
  assert(/首页\s*\/\s*学校\s*\/\s*学校详情/.test(crumbs), `面包屑应为 首页/学校/学校详情,实为“${crumbs}”`)
  console.log('  ok  1366 px:完整菜单与面包屑')

  await page.setViewportSize({ width: 1100, height: 800 })
  await page.waitForFunction(() => !document.querySelector('[data-test=menu-schools]')?.innerText.trim(), null, {
    timeout: TIMEOUT,
  })
  await page.locator('[data-test=menu-toggle]').click()
  await page.waitForFunction(() => document.querySelector('[data-test=menu-schools]')?.innerText.includes('学校'), null, {
    timeout: TIMEOUT,
  })
  console.log('  ok  1100 px:菜单收为图标,可展开')

  await page.setViewportSize({ width: 390, height: 800 })
  await page.waitForFunction(() => !document.querySelector('.aside'), null, { timeout: TIMEOUT })
  await page.locator('[data-test=menu-toggle]').click()
  await page.locator('.el-drawer [data-test=menu-teachers]').click()
  await page.waitForURL(/#\/teachers/, { timeout: TIMEOUT })
  await page.waitForFunction(() => !document.querySelector('.el-drawer')?.offsetParent, null, { timeout: TIMEOUT })
  console.log('  ok  390 px:抽屉菜单选页后关闭')

  await page.goBack() // the school page of the first step
  await page.waitForURL(/#\/schools\/\d+/, { timeout: TIMEOUT })
  await page.locator('[data-test=class-cards] .el-card').first().waitFor({ timeout: TIMEOUT })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  assert(overflow <= 0, `390 px 时学校页面不应横向滚动(超出 ${overflow} px)`)
  console.log('  ok  390 px:学校页面以卡片显示班级,无横向滚动')

  await page.setViewportSize({ width: 1366, height: 900 })
  await page.waitForFunction(() => document.querySelector('[data-test=menu-balance]')?.innerText.includes('均衡'), null, {
    timeout: TIMEOUT,
  })
  await page.locator('.aside .brand').click() // Tab continues from here
  let reached = false
  for (let i = 0; i < 30 && !reached; i++) {
    await page.keyboard.press('Tab')
    reached = await page.evaluate(() => document.activeElement?.closest('[data-test=menu-balance]') !== null)
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))
  assert(reached, `Tab 键应能到达菜单项“均衡发展”(焦点停在 ${focused})`)
  await page.keyboard.press('Enter')
  await page.waitForURL(/#\/balance/, { timeout: TIMEOUT })
  console.log('  ok  菜单可用键盘到达与打开')
})
