// Every role's daily tasks on the demo county (issue 13), at 1366 px and on a 390 px phone, with
// no console error and no page error anywhere:
//   教育局管理员 (admin): 首页's figures; 均衡发展 shows why a school fails; 学生 and the student form.
//   乡镇专干 (officer): 学校 filtered by the township, a school opened, Back keeps the filter;
//     统计指标; 学生.
//   学校管理员 (school_admin): 学生 and the student form; 待办's 发起县内转学 (the case action
//     dialog); their school's page with its classes.
//   班主任 (teacher): 质量监测 opens on 我的班级 at 班级 level; 首页; 学生.
//   督学 (inspector): 首页; 均衡发展's reasons; 质量监测's 诚信报告.
// At 1366 px the lists show every column and axe-core finds no serious or critical violation on
// each page and inside the dialogs; at 390 px the lists are cards and no page scrolls sideways.
// One browser; one session per role (logged in once, then resized).
//
//   BASE_URL=http://127.0.0.1:8080 node roles.mjs
import {
  assert,
  assertColumnsFit,
  assertNoSideScroll,
  axeViolations,
  loginAs,
  openMenu,
  run,
  settle,
} from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('roles: set BASE_URL')
  process.exit(2)
}
// 均衡发展 in the year with 办学条件, chosen in its 学年 select (the suite's earlier 学年升级
// made 2027 current).
const YEAR = 2026
const rows = (table) => `[data-test=${table}] .el-table__body-wrapper tr.el-table__row`

// What each width checks after a task: axe at 1366 px, no sideways scroll at 390 px.
function checker(page, failures, who) {
  const wide = page.viewportSize().width >= 768
  return async (what, selector) => {
    await settle(page)
    if (!wide) return assertNoSideScroll(page, `${who} ${what}`)
    for (const v of await axeViolations(page, { selector }))
      failures.push(`${who} ${what}:${v.rule} ×${v.count} — ${v.nodes.join(';')}`)
  }
}

// A list of records: every column at 1366 px, cards at 390 px.
async function list(page, menu, table, cards, check, what) {
  await openMenu(page, menu)
  if (page.viewportSize().width >= 768) {
    await page.locator(rows(table)).first().waitFor()
    await assertColumnsFit(page, table, what)
  } else {
    await page.locator(`[data-test=${cards}] [data-test=record-card]`).first().waitFor()
    assert(!(await page.locator(`[data-test=${table}]`).count()), `${what}:手机上应以卡片显示`)
  }
  await check(what)
}

// 学生, and its 新增学生 form checked by axe inside the dialog.
async function students(page, check) {
  await list(page, 'students', 'student-table', 'student-cards', check, '学生')
  const button = page.locator('[data-test=student-new]')
  if (!(await button.count())) return
  await button.click()
  const dialog = page.locator('.el-dialog:visible')
  await dialog.waitFor()
  await page.waitForTimeout(300) // the dialog's opening transition
  await check('新增学生对话框', '.el-overlay-dialog:not([style*="display: none"]) .el-dialog')
  await dialog.locator('.el-dialog__headerbtn').click()
  await dialog.waitFor({ state: 'hidden' })
}

// 均衡发展: a school that fails says why.
async function balanceReasons(page, check) {
  await openMenu(page, 'balance')
  await page.locator('.balance .toolbar .el-select').first().click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: `${YEAR}学年` }).click()
  const failing = page.locator(rows('balance-table')).filter({ hasText: '未达标' })
  await failing.first().waitFor()
  const reason = await failing.first().locator('[data-test=balance-reason]').first().innerText()
  assert(/差 [\d.]+/.test(reason), `均衡发展:未达标学校应写明原因,实为“${reason}”`)
  await check('均衡发展')
}

async function dashboard(page, check) {
  await openMenu(page, 'dashboard')
  await page.locator('[data-test=stat-students]').waitFor()
  await check('首页')
}

const TASKS = {
  admin: async (page, check) => {
    await dashboard(page, check)
    await balanceReasons(page, check)
    await students(page, check)
  },
  officer: async (page, check) => {
    // 学校 filtered by the township; a school opened; Back keeps the filter.
    await openMenu(page, 'schools')
    await page.locator('.filter-bar .el-select').first().click()
    const option = page.locator('.el-select-dropdown__item:visible').first()
    const township = (await option.innerText()).trim()
    await option.click()
    await page.waitForURL(/area_id=\d+/)
    const filtered = page.url()
    await settle(page)
    await check('学校')
    await page.locator('[data-test=school-name]').first().click()
    await page.waitForURL(/#\/schools\/\d+/)
    await page.goBack()
    await page.waitForURL(filtered)
    await settle(page)
    const shown = await page.locator('.filter-bar .el-select').first().innerText()
    assert(shown.includes(township), `学校:后退后乡镇筛选应仍为“${township}”,实为“${shown}”`)

    await openMenu(page, 'indicators')
    await page.locator('[data-test=indicators-table]').waitFor()
    await check('统计指标')
    await list(page, 'students', 'student-table', 'student-cards', check, '学生')
  },
  school_admin: async (page, check) => {
    await students(page, check)
    // 待办: 发起事项 → 县内转学 opens the case action dialog.
    await openMenu(page, 'todo')
    await page.locator('[data-test=start-case]').click()
    await page.locator('[data-test=start-transfer-apply]').click()
    const dialog = page.locator('[data-test=case-action-form]')
    await dialog.waitFor()
    await page.waitForTimeout(300)
    await check('发起县内转学对话框', '.el-overlay-dialog:not([style*="display: none"]) .el-dialog')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    // 学校: their school's page, its classes as a table (cards on a phone).
    await openMenu(page, 'schools')
    await page.locator('[data-test=school-name]').first().click()
    await page.locator('[data-test=class-table], [data-test=class-cards]').first().waitFor()
    await check('本校')
  },
  teacher: async (page, check) => {
    await openMenu(page, 'exams')
    await page.locator('[data-test=my-classes] .el-table__row').first().waitFor()
    const level = await page.locator('[data-test=exam-level] .el-radio-button.is-active').innerText()
    assert(level === '班级', `质量监测:应打开在班级层级,实为“${level}”`)
    await check('我的班级')
    await dashboard(page, check)
    await list(page, 'students', 'student-table', 'student-cards', check, '学生')
  },
  inspector: async (page, check) => {
    await dashboard(page, check)
    await balanceReasons(page, check)
    await openMenu(page, 'exams')
    await page.locator('#tab-integrity').click()
    await page.locator('[data-test=exam-flags], [data-test=integrity-empty]').first().waitFor()
    await check('诚信报告')
  },
}

await run('roles', async (browser, errors) => {
  const failures = []
  for (const [user, tasks] of Object.entries(TASKS)) {
    const page = await loginAs(browser, BASE_URL, user, { width: 1366, height: 900 }, errors)
    try {
      for (const width of [1366, 390]) {
        await page.setViewportSize({ width, height: 900 })
        try {
          await tasks(page, checker(page, failures, `${user}@${width}`))
        } catch (e) {
          throw new Error(`${user} @ ${width} px:${e.message.split('\n').slice(0, 3).join(' ')}`)
        }
        console.log(`  ok  ${user} @ ${width} px`)
      }
    } finally {
      await page.context().close()
    }
  }
  if (failures.length) throw new Error(`${failures.length} 处无障碍问题:${failures.join(' | ')}`)
})
