// End-to-end test of the web UI against a running server with the demo county:
// login (Chinese), dashboard figures and charts, the school list and a school's page,
// masked ID numbers, 质量监测 (a demo exam's results, 新建考试 via the dialog, a score sheet
// previewed with a problem then committed, "—" for a school nobody sat for, a 免考 entered
// by the bureau), then the school admin's view (exactly one school), a student import
// (template, a CSV with a bad row rejected in the preview, the fixed CSV committed) and the
// 学生 list exported as .xlsx; last, the bureau's 学年升级 (preview, then confirm).
//
//   BASE_URL=http://127.0.0.1:8080 [SCREENSHOT_DIR=/tmp] node login_school.mjs
//
// Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM); no browser download.
import { chromium } from 'playwright-core'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
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

// GET an API path with the page's session cookie.
async function apiGet(page, apiPath) {
  const res = await page.request.get(`${BASE_URL}/api/v1${apiPath}`)
  assert(res.ok(), `GET ${apiPath} 返回 HTTP ${res.status()}`)
  return res.json()
}

// A GB 11643 citizen ID number: 17 digits and the check character.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const ID_CHECK = '10X98765432'
function idNumber(first17) {
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * ID_WEIGHTS[i], 0)
  return first17 + ID_CHECK[sum % 11]
}
const withWrongCheck = (id) => id.slice(0, 17) + ID_CHECK[(ID_CHECK.indexOf(id[17]) + 1) % 11]

// A new student of `klass` whose age on 1 September of the school year fits the grade.
// Area code 110101 is outside the demo county, so the number never collides with it.
function newStudent(name, gender, klass, schoolCode, schoolYear) {
  const year = schoolYear - (klass.grade + 5)
  const day = String(10 + Math.floor(Math.random() * 18)).padStart(2, '0')
  let sequence = 100 + 2 * Math.floor(Math.random() * 440) // even: 女
  if (gender === '男') sequence++
  return {
    name,
    gender,
    id_number: idNumber(`110101${year}03${day}${sequence}`),
    birth_date: `${year}-03-${day}`,
    school_code: schoolCode,
    class_name: klass.name,
    enrolled_on: `${schoolYear - klass.grade + 1}-09-01`,
  }
}

const CSV_HEADER = '姓名,性别,身份证号,出生日期,民族,学校标识码,班级,学籍状态,入学日期,户口性质'
function studentCsv(students) {
  const lines = students.map((s) =>
    [s.name, s.gender, s.id_number, s.birth_date, '汉族', s.school_code, s.class_name, '在读', s.enrolled_on, '农村'].join(','),
  )
  return [CSV_HEADER, ...lines].join('\r\n') + '\r\n'
}

// Clicks a button that downloads a file; answers the browser's download.
async function downloadBy(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()])
  return download
}

// The content scrolls inside the layout, so a full-page screenshot shows only what is scrolled to.
async function scrollToTop(page) {
  await page.locator('.el-main').evaluate((main) => (main.scrollTop = 0))
}

async function uploadImport(page, file) {
  await page.locator('[data-test=import-upload] input[type=file]').setInputFiles(file)
  await page.locator('[data-test=import-preview]').waitFor()
}

// Non-blank pixels of the first chart canvas, once ECharts has drawn it.
async function waitForChart(page) {
  await page.locator('.chart').first().scrollIntoViewIfNeeded() // a chart is drawn once on screen
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
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'edubureau-e2e-'))
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
      // Only the 6-digit area code stays visible (core/id_number.h).
      const plain = numbers.filter((n) => !/^\d{6}\*{12}$/.test(n.trim()))
      assert(plain.length === 0, `未按“地区码+12个*”脱敏的身份证号:${plain.join(', ')}`)
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

    await step('均衡发展:各校七项指标、县域差异系数与图表', async () => {
      await openMenu(page, 'balance', 'balance-table')
      await page.waitForSelector(rows('balance-cvs'))
      const cvRows = await page.locator(rows('balance-cvs')).count()
      assert(cvRows >= 7, `差异系数表只有 ${cvRows} 行`)
      await waitForChart(page)
      await scrollToTop(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-balance.png'), fullPage: true })
    })

    await step('在校生:首页“全县在校学生”、统计指标“在校生数”与学生列表(默认在读)是同一个数', async () => {
      await page.locator('[data-test=menu-dashboard]').click()
      const card = page.locator('[data-test=stat-students]')
      await card.waitFor()
      assert((await card.locator('.stat-title').textContent()).includes('全县在校学生'), '首页在校学生卡片没有标明“全县”')
      const dashboard = Number((await card.locator('.stat-value').textContent()).replace(/[^0-9]/g, ''))
      await card.locator('[data-test=stat-hint]').hover()
      await page.locator('.el-popper:visible', { hasText: '在校生 = 本学年编入班级' }).waitFor()
      await openMenu(page, 'indicators', 'indicators-table')
      const county = page.locator(rows('indicators-table')).first()
      const indicator = Number((await county.locator('[data-test=record-link]').first().textContent()).replace(/[^0-9]/g, ''))
      assert(dashboard === indicator, `首页在校学生 ${dashboard},统计指标在校生数 ${indicator}`)
      await openMenu(page, 'students', 'student-table')
      assert(new URL(page.url().replace('#/', '')).searchParams.get('status') === '在读', `学生列表地址没有 status=在读:${page.url()}`)
      assert((await page.locator('[data-test=student-status]').textContent()).includes('在读'), '学籍状态筛选没有显示“在读”')
      const statuses = await page.locator(`${rows('student-table')} .el-tag`).allTextContents()
      assert(statuses.every((t) => t.trim() === '在读'), `默认列表含非在读学生:${statuses.join(',')}`)
      await page.waitForFunction(
        ({ selector, expected }) => Number(document.querySelector(selector)?.textContent.replace(/[^0-9]/g, '')) === expected,
        { selector: '.el-pagination__total', expected: dashboard },
      )
    })

    await step('统计指标:变化按指标的好坏着色(大班额比例下降为绿色)', async () => {
      await openMenu(page, 'indicators', 'indicators-table')
      const api = await apiGet(page, '/analytics/indicators')
      const large = api.indicators.find((d) => d.key === 'large_classes')
      assert(large.good === -1 && large.definition, `大班额比例的 good/definition 为 ${large.good}/${large.definition}`)
      for (const change of await page.locator('[data-test=change-large_classes]').all()) {
        const text = (await change.textContent()).trim()
        const cls = await change.getAttribute('class')
        const expected = text.startsWith('▼') ? 'good' : text.startsWith('▲') && !/^▲0(\.0+)?$/.test(text) ? 'bad' : null
        if (expected) assert(cls.includes(expected), `大班额比例 ${text} 的颜色类为 ${cls}`)
      }
    })

    await step('统计指标:点击全县在校生数打开背后的学生名单,条数相同', async () => {
      await openMenu(page, 'indicators', 'indicators-table')
      const link = page.locator(`${rows('indicators-table')} [data-test=record-link]`).first()
      const figure = Number((await link.textContent()).replace(/[^0-9]/g, ''))
      assert(figure > 0, `第一个指标链接的数值为“${await link.textContent()}”`)
      await link.click()
      await page.waitForSelector(rows('student-table'))
      const total = page.locator('.el-pagination__total')
      await page.waitForFunction(
        ({ selector, expected }) => {
          const el = document.querySelector(selector)
          return el && Number(el.textContent.replace(/[^0-9]/g, '')) === expected
        },
        { selector: '.el-pagination__total', expected: figure },
      )
      assert(Number((await total.textContent()).replace(/[^0-9]/g, '')) === figure, '学生名单条数与指标不符')
    })

    await step('模拟规划:自动规划给出教师调动方案或说明原因,并说明校级达标情况', async () => {
      await page.locator('[data-test=menu-whatif]').click()
      await page.locator('[data-test=whatif-plan]').click()
      await page.locator('.el-alert.note').first().waitFor() // the plan's verdict (reached or why not)
      const schoolLevel = page.locator('[data-test=plan-school-level]')
      await schoolLevel.waitFor()
      const api = (await page.request.post(`${BASE_URL}/api/v1/analytics/plan`, {
        headers: { 'X-CSRF-Token': (await apiGet(page, '/auth/me')).csrf_token },
        data: { section: '小学' },
      }).then((r) => r.json())).plans[0]
      assert((await schoolLevel.textContent()).includes(`${api.failing_after}`), `校级达标说明为“${await schoolLevel.textContent()}”`)
      const notes = (await page.locator('.el-alert.note').allTextContents()).join(';')
      assert(notes.includes('不以每所学校达标为目标'), `规划说明没有讲明目标:${notes}`)
      await scrollToTop(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-whatif.png'), fullPage: true })
    })

    await step('模拟规划:模拟不产生控制台错误,切换学段后旧结果清除', async () => {
      const before = pageErrors.length
      await page.locator('button', { hasText: '+ 改善办学条件' }).click()
      await page.locator('.draft .el-select').first().click()
      await page.locator('.el-select-dropdown__item:visible').first().click()
      await page.locator('.draft .el-input-number input').first().fill('500')
      await page.locator('.draft .el-input-number input').first().press('Tab')
      await page.locator('[data-test=whatif-run]').click()
      await page.waitForSelector(rows('whatif-cvs'))
      await page.waitForTimeout(300) // console errors of the render arrive after it
      assert(pageErrors.length === before, `模拟时出现脚本错误:${pageErrors.slice(before).join(' | ')}`)
      await page.locator('[data-test=whatif-section] .el-radio-button', { hasText: '初中' }).click()
      await page.locator('[data-test=whatif-cvs]').waitFor({ state: 'detached' })
      assert((await page.locator('[data-test=plan-moves]').count()) === 0, '切换到初中后仍显示小学的调动方案')
    })

    await step('质量监测:已有考试的学校成绩表列出各校', async () => {
      await openMenu(page, 'exams', 'exam-results')
      const count = await page.locator(rows('exam-results')).count()
      assert(count > 1, `成绩表只有 ${count} 行`)
    })

    const examName = `E2E九年级测试考试${Date.now() % 100000}`
    await step('新建考试:必填项提示中文,保存后新考试出现在考试选择器中', async () => {
      await page.locator('[data-test=exam-new]').click()
      const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=exam-form]') })
      await dialog.waitFor()
      await dialog.locator('[data-test=exam-form-save]').click()
      await dialog.locator('.el-form-item__error', { hasText: '请输入考试名称' }).waitFor()
      await dialog.locator('input[data-test=exam-form-name]').fill(examName)
      const date = dialog.locator('[data-test=exam-form-date] input')
      await date.fill('2026-12-01')
      await date.press('Enter')
      await dialog.locator('[data-test=exam-form-grade]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '九年级' }).first().click()
      await dialog.locator('[data-test=exam-form-subject-0]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '语文' }).first().click()
      await dialog.locator('.el-radio', { hasText: '不计入' }).click() // absent excluded: schools nobody sat for have no data
      await dialog.locator('[data-test=exam-form-save]').click()
      await page.locator('.el-message', { hasText: '已创建' }).waitFor()
      await dialog.waitFor({ state: 'hidden' })
      await page.locator('[data-test=exam-select]', { hasText: examName }).waitFor()
      const list = await apiGet(page, '/exams')
      const saved = list.items.find((e) => e.name === examName)
      assert(saved, `接口中没有考试“${examName}”`)
      assert(saved.date === '2026-12-01' && saved.grade === 9, `考试日期/年级为 ${saved.date}/${saved.grade}`)
      assert(saved.subjects.length === 1 && saved.subjects[0].cuts.excellent === 0.85, '科目或默认分数线不对')
      await page.locator('[data-test=exam-scores-upload]').waitFor() // the new exam opens on 成绩导入
      await scrollToTop(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-exam-new.png'), fullPage: true })
    })

    // Two 九年级 students of one school, by their full ID numbers (the admin may read them).
    const sitters = []
    await step('新考试的成绩表:预览列出超出满分的分数,不能确认导入', async () => {
      const list = await apiGet(page, '/students?grade=9&size=2')
      assert(list.items.length === 2, '没有九年级学生')
      for (const s of list.items) {
        const { id_number } = await apiGet(page, `/students/${s.id}/id-number`)
        const school = await apiGet(page, `/schools/${s.school_id}`)
        sitters.push({ ...s, id_number, code: (school.school || school).code })
      }
      const sheet = (scores) =>
        ['学校标识码,身份证号,姓名,语文', ...sitters.map((s, i) => `${s.code},${s.id_number},${s.name},${scores[i]}`)].join('\r\n') + '\r\n'
      writeFileSync(path.join(tmp, 'scores-bad.csv'), sheet([88.5, 130]))
      writeFileSync(path.join(tmp, 'scores.csv'), sheet([88.5, 59]))
      await page.locator('[data-test=exam-scores-upload] input[type=file]').setInputFiles(path.join(tmp, 'scores-bad.csv'))
      await page.locator('[data-test=exam-scores-preview]').waitFor()
      const problems = await page.locator(rows('exam-scores-problems')).allTextContents()
      assert(problems.length === 1 && problems[0].includes('130'), `问题列表为 ${JSON.stringify(problems)}`)
      assert(await page.locator('[data-test=exam-scores-commit]').isDisabled(), '有问题时“确认导入”可以点击')
    })

    await step('上传改正后的成绩表并确认导入,成绩分析显示实考人数', async () => {
      await page.locator('[data-test=exam-scores-again]').click()
      await page.locator('[data-test=exam-scores-upload] input[type=file]').setInputFiles(path.join(tmp, 'scores.csv'))
      await page.locator('[data-test=exam-scores-ok]').waitFor()
      await page.locator('[data-test=exam-scores-commit]').click()
      await page.locator('.el-message-box__btns .el-button--primary').click()
      await page.locator('[data-test=exam-scores-done]').waitFor()
      const exam = (await apiGet(page, '/exams')).items.find((e) => e.name === examName)
      const results = await apiGet(page, `/exams/${exam.id}/results?level=county`)
      const sat = results.groups[0].columns[0].sat
      assert(sat === 2, `全县语文实考 ${sat} 人`)
      await page.locator('#tab-results').click()
      await page.waitForSelector(rows('exam-results'))
    })

    await step('无人参考的学校:平均分显示“未导入成绩”,各率显示“—”,不显示 0', async () => {
      const cells = []
      for (const row of await page.locator(rows('exam-results')).all()) cells.push(await row.locator('td').allTextContents())
      const empty = cells.filter((c) => c[2].trim() === '0') // 实考 0
      assert(empty.length > 0, '没有无人参考的学校')
      for (const c of empty) {
        const figures = c.slice(5, 9).map((t) => t.trim()) // 标准差, 优秀率, 及格率, 低分率
        assert(c[4].trim() === '未导入成绩' && figures.every((t) => t === '—'), `无人参考的学校显示 ${JSON.stringify(c)}`)
      }
    })

    await step('免考:教育局登记的免考直接显示为“已批准”', async () => {
      await page.locator('#tab-exemptions').click()
      await page.locator('[data-test=exam-exemption-new]').click()
      const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=case-action-form]') })
      await dialog.waitFor()
      await dialog.locator('[data-test=field-student_id] input').fill(sitters[1].name)
      await page.locator('.el-select-dropdown__item:visible', { hasText: sitters[1].name }).first().click()
      await dialog.locator('textarea[data-test=field-reason]').fill('因病住院,附医院证明')
      await dialog.locator('[data-test=case-action-submit]').click()
      await page.locator(rows('exam-exemption-table'), { hasText: sitters[1].name }).filter({ hasText: '已批准' }).waitFor()
    })

    await step('奖励方案:教育局添加“前3名”规则(学校·总分·1–3名·10分),奖励表与接口一致', async () => {
      // The demo exam with results (not the one just created).
      let demo = null
      let schools = 0 // schools with results in it
      for (const e of (await apiGet(page, '/exams')).items) {
        if (e.name === examName) continue
        const r = await apiGet(page, `/exams/${e.id}/results?level=school`)
        const n = r.groups.filter((g) => g.columns.some((c) => c && c.sat > 0)).length
        if (n > schools) [demo, schools] = [e, n]
      }
      assert(demo, '没有已导入成绩的演示考试')
      await page.locator('[data-test=exam-select]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: `${demo.name}(${demo.date})` }).first().click()
      await page.locator('[data-test=exam-select]', { hasText: demo.name }).waitFor()
      const loaded = page.waitForResponse((r) => r.url().endsWith(`/api/v1/exams/${demo.id}/rewards`), { timeout: TIMEOUT })
      await page.locator('#tab-rewards').click() // the tab loads its rules when opened
      await loaded
      const before = (await apiGet(page, `/exams/${demo.id}/rewards`)).rules.length
      await page.locator('[data-test=reward-edit]').click()
      const dialog = page.locator('.el-dialog', { has: page.locator('[data-test=reward-form]') })
      await dialog.waitFor()
      await dialog.locator('[data-test=reward-add]').click()
      const n = before
      await dialog.locator('[data-test=reward-save]').click() // the new row has no name yet
      await dialog.locator('.el-form-item__error', { hasText: '请输入规则名称' }).waitFor()
      await dialog.locator(`input[data-test=reward-name-${n}], [data-test=reward-name-${n}] input`).first().fill('前3名')
      await dialog.locator(`[data-test=reward-from-${n}] input`).fill('1')
      await dialog.locator(`[data-test=reward-to-${n}] input`).fill('3')
      await dialog.locator(`[data-test=reward-points-${n}] input`).fill('10')
      await dialog.locator(`[data-test=reward-points-${n}] input`).press('Tab')
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-exam-reward-rules.png') })
      await dialog.locator('[data-test=reward-save]').click()
      await page.locator('.el-message', { hasText: '奖励规则已保存' }).waitFor()
      await dialog.waitFor({ state: 'hidden' })
      await page.waitForSelector(rows('exam-awards'), { timeout: TIMEOUT })
      const answer = await apiGet(page, `/exams/${demo.id}/rewards`)
      const rule = answer.rules.find((r) => r.name === '前3名')
      assert(rule && rule.kind === 'rank_band' && rule.level === 'school' && rule.subject === '总分', `保存的规则为 ${JSON.stringify(rule)}`)
      assert(rule.rank_from === 1 && rule.rank_to === 3 && rule.points === 10, `名次段/分值为 ${rule.rank_from}–${rule.rank_to}/${rule.points}`)
      const winners = answer.awards.filter((a) => a.lines.some((l) => l.rule === '前3名'))
      assert(winners.length >= Math.min(3, schools), `“前3名”只奖励了 ${winners.length} 所学校(有成绩的学校 ${schools} 所)`)
      assert(winners.every((a) => a.level === 'school' && a.lines.find((l) => l.rule === '前3名').points === 10), '“前3名”的得分不是每校 10 分')
      const ui = await page.locator(rows('exam-awards')).allTextContents()
      assert(ui.length === answer.awards.length, `奖励表 ${ui.length} 行,接口 ${answer.awards.length} 条`)
      answer.awards.forEach((a, i) => {
        assert(ui[i].includes(a.name) && ui[i].includes(String(a.points)), `第 ${i + 1} 行“${ui[i]}”与接口的 ${a.name} ${a.points} 分不符`)
      })
      if (before === 0) {
        assert(answer.awards.length === winners.length && winners.every((a) => a.points === 10), '只有“前3名”一条规则时,奖励表应只列出得 10 分的学校')
        const tenRows = ui.filter((t) => t.includes('前3名'))
        assert(tenRows.length === winners.length, `奖励表中有 ${tenRows.length} 行来自“前3名”`)
      }
      await scrollToTop(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-exam-rewards.png'), fullPage: true })
    })

    await step('乡镇(街道):列出本县乡镇,改名后表格显示新名称(再改回)', async () => {
      await openMenu(page, 'areas', 'area-table')
      const first = page.locator(rows('area-table')).first()
      const original = (await first.locator('td').nth(1).textContent()).trim()
      for (const name of [`${original}测试`, original]) {
        await first.locator('[data-test^=area-rename-]').click()
        await page.locator('input[data-test=area-name]').fill(name)
        await page.locator('[data-test=area-save]').click()
        await page.locator('.el-message', { hasText: `已改名为“${name}”` }).waitFor()
        await page.locator(rows('area-table'), { hasText: name }).first().waitFor()
      }
    })

    await step('小升初:全县未入学的毕业生按乡镇列出,人数与接口一致', async () => {
      await page.locator('[data-test=menu-transition]').click()
      const api = (await apiGet(page, '/transition')).transition
      const tab = page.locator('.el-tabs__item', { hasText: '全县未入学' })
      await tab.click()
      assert((await tab.textContent()).includes(`(${api.totals.nowhere} / 毕业 ${api.totals.graduates})`),
        `标签页人数与接口不一致:${await tab.textContent()}`)
      await page.locator('[data-test=transition-township]').first().waitFor({ timeout: TIMEOUT })
      const shown = await page.locator('[data-test=transition-township]').count()
      assert(shown === api.townships.length, `页面列出 ${shown} 个乡镇,接口 ${api.townships.length} 个`)
    })

    await step('退出登录回到登录页', async () => {
      await page.locator('[data-test=logout]').click()
      await page.locator('[data-test=login-title]').waitFor()
    })

    await step('学校管理员只看到本校(学校列表恰有1行)', async () => {
      await login(page, 'school_admin', PASSWORD)
      await page.locator('[data-test=stat-students]').waitFor()
      assert((await page.locator('[data-test=menu-users]').count()) === 0, '学校管理员看到了“用户管理”菜单')
      await openMenu(page, 'schools', 'school-table')
      const count = await page.locator(rows('school-table')).count()
      assert(count === 1, `学校列表有 ${count} 行`)
    })

    await step('学校管理员编辑本校:只有地址、校长和联系电话可改', async () => {
      await page.locator(rows('school-table')).first().click()
      await page.locator('[data-test=school-edit]').click()
      const form = page.locator('[data-test=school-form]')
      await form.waitFor()
      const item = (label) => form.locator('.el-form-item', { hasText: label })
      for (const label of ['学校名称', '学校标识码', '学校类别', '办学性质', '城乡类别', '所属乡镇', '建校年份', '薄弱学校'])
        assert((await item(label).locator('.is-disabled').count()) > 0, `“${label}”可以编辑`)
      for (const label of ['校长', '联系电话', '地址'])
        assert((await item(label).locator('.is-disabled').count()) === 0, `“${label}”不能编辑`)
      await item('联系电话').locator('input').fill('0739-2468100')
      await page.locator('[data-test=school-save]').click()
      await page.locator('.el-message', { hasText: '学校信息已保存' }).waitFor()
      await page.locator('.el-descriptions', { hasText: '0739-2468100' }).waitFor()
    })

    await step('学校管理员开设班级:一年级新开1个班,班级表多1行', async () => {
      const before = await page.locator(rows('class-table')).count()
      await page.locator('[data-test=open-classes]').click()
      await page.locator('[data-test=open-classes-section]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '小学' }).first().click()
      await page.locator('[data-test=open-classes-grade]').click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: '一年级' }).first().click()
      await page.locator('[data-test=open-classes-save]').click()
      await page.locator('.el-message', { hasText: '已开设 一年级(' }).waitFor()
      await page.waitForFunction(
        ([selector, n]) => document.querySelectorAll(selector).length === n,
        [rows('class-table'), before + 1],
        { timeout: TIMEOUT },
      )
    })

    await step('学校管理员在“数据导入”下载学生模板(.xlsx)', async () => {
      await page.locator('[data-test=menu-imports]').click()
      await page.locator('[data-test=import-kind-student]').click()
      const download = await downloadBy(page, '[data-test=import-template]')
      const name = download.suggestedFilename()
      assert(name.endsWith('.xlsx'), `模板文件名为“${name}”`)
      const saved = path.join(tmp, name)
      await download.saveAs(saved)
      assert(readFileSync(saved).subarray(0, 2).toString('latin1') === 'PK', '模板不是 xlsx(zip)文件')
    })

    let goodFile, badFile, goodStudents
    await step('按本校标识码和班级写导入文件(2行正确,1行身份证号校验位错误)', async () => {
      const { user } = await apiGet(page, '/auth/me')
      const { school, classes } = await apiGet(page, `/schools/${user.school_id}`)
      const { school_year: schoolYear } = await apiGet(page, '/meta/enums')
      const klass = classes.find((c) => c.section !== '特教')
      assert(klass, `${school.name} 没有普通班级`)
      goodStudents = [
        newStudent('王晓雨', '女', klass, school.code, schoolYear),
        newStudent('李浩然', '男', klass, school.code, schoolYear),
      ]
      const bad = newStudent('赵子涵', '男', klass, school.code, schoolYear)
      bad.id_number = withWrongCheck(bad.id_number)
      badFile = path.join(tmp, '学生导入-有错误.csv')
      goodFile = path.join(tmp, '学生导入.csv')
      writeFileSync(badFile, studentCsv([...goodStudents, bad]))
      writeFileSync(goodFile, studentCsv(goodStudents))
    })

    await step('上传有错误的文件:预览列出第4行的身份证号问题,不能确认导入', async () => {
      await uploadImport(page, badFile)
      await page.waitForSelector(rows('import-problems'))
      const problems = await page.locator(rows('import-problems')).evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
      )
      // 行, 列, 列名, 值, 问题; the header is row 1, so the third student is row 4.
      const listed = problems.map((p) => p.join(' | ')).join(';')
      assert(
        problems.some(([rowNo, , header, , message]) => rowNo === '4' && (header === '身份证号' || message.includes('身份证'))),
        `问题表没有第4行的身份证号问题:${listed}`,
      )
      assert(problems.every(([rowNo]) => rowNo === '4'), `正确的行也列出了问题:${listed}`)
      assert(await page.locator('[data-test=import-commit]').isDisabled(), '有问题时“确认导入”按钮可点击')
      await scrollToTop(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-import-problems.png'), fullPage: true })
    })

    await step('“下载错误标注文件”得到带“错误说明”的 .xlsx', async () => {
      const download = await downloadBy(page, '[data-test=import-errors]')
      const name = download.suggestedFilename()
      assert(name.endsWith('-错误说明.xlsx'), `错误标注文件名为“${name}”`)
      const saved = path.join(tmp, name)
      await download.saveAs(saved)
      assert(readFileSync(saved).subarray(0, 2).toString('latin1') === 'PK', '错误标注文件不是 xlsx(zip)文件')
    })

    await step('1500行出错的文件:显示“共1500处问题,显示前1000处”,问题表分页', async () => {
      const wrong = { ...goodStudents[0], gender: '未知' }
      const many = path.join(tmp, '学生导入-1500行有错误.csv')
      writeFileSync(many, studentCsv(Array(1500).fill(wrong)))
      await page.locator('[data-test=import-again]').click()
      await uploadImport(page, many)
      const title = page.locator('[data-test=import-problem-title]')
      await title.waitFor()
      // the count comes with the preview, the listed problems a moment later
      await page
        .waitForFunction(
          () => document.querySelector('[data-test=import-problem-title]')?.textContent.includes('显示前'),
          null,
          { timeout: 15000 },
        )
        .catch(() => {})
      const text = await title.textContent()
      assert(text.includes('共1500处问题,显示前1000处'), `问题提示为“${text}”`)
      await page.waitForSelector(rows('import-problems'))
      const shown = await page.locator(rows('import-problems')).count()
      assert(shown === 20, `问题表第一页有 ${shown} 行`)
    })

    await step('上传改正后的文件并确认导入:新增 2', async () => {
      await page.locator('[data-test=import-again]').click()
      await uploadImport(page, goodFile)
      await page.locator('[data-test=import-ok]').waitFor()
      const toCreate = (await page.locator('[data-test=import-to-create]').textContent()).trim()
      assert(toCreate === '2', `预览的“新增”为“${toCreate}”`)
      await page.locator('[data-test=import-commit]').click()
      await page.locator('.el-message-box').getByRole('button', { name: '确认导入' }).click()
      const created = page.locator('[data-test=import-created]')
      await created.waitFor()
      assert((await created.textContent()).trim() === '2', `导入结果“新增”为“${await created.textContent()}”`)
      await page.locator(rows('import-history'), { hasText: '已导入' }).first().waitFor()
      await scrollToTop(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-import-done.png'), fullPage: true })
    })

    await step('导入的学生出现在学生列表中', async () => {
      await openMenu(page, 'students', 'student-table')
      // q matches the start of an ID number: the new student's number finds exactly that student.
      await page.locator('input[data-test=student-search]').fill(goodStudents[0].id_number)
      await page.waitForFunction(
        ({ selector, name }) => {
          const found = [...document.querySelectorAll(selector)].map((tr) => tr.textContent)
          return found.length === 1 && found[0].includes(name)
        },
        { selector: rows('student-table'), name: goodStudents[0].name },
      )
    })

    await step('学生列表“导出Excel”按当前筛选条件下载 .xlsx 文件', async () => {
      const [request, download] = await Promise.all([
        page.waitForRequest((r) => r.url().includes('/api/v1/exports/students.xlsx')),
        downloadBy(page, '[data-test=export-students]'),
      ])
      const q = new URL(request.url()).searchParams.get('q')
      assert(q === goodStudents[0].id_number, `导出请求没有带上搜索条件:${request.url()}`)
      const name = download.suggestedFilename()
      assert(name.endsWith('.xlsx'), `导出文件名为“${name}”`)
      const saved = path.join(tmp, name)
      await download.saveAs(saved)
      assert(readFileSync(saved).subarray(0, 2).toString('latin1') === 'PK', '导出的不是 xlsx(zip)文件')
    })

    await step('学校管理员:首页卡片标明“本校”,没有学校数;学生列表没有乡镇/学校筛选', async () => {
      await page.locator('[data-test=menu-dashboard]').click()
      await page.locator('[data-test=stat-students]').waitFor()
      assert((await page.locator('[data-test=stat-schools]').count()) === 0, '学校管理员首页显示学校数')
      const titles = await page.locator('.stat-title').allTextContents()
      assert(titles.every((t) => t.trim().startsWith('本校')), `卡片标题:${titles.join(',')}`)
      await openMenu(page, 'students', 'student-table')
      assert((await page.locator('.filter-bar .el-select', { hasText: '学校' }).count()) === 0, '学生列表仍有“学校”筛选')
      await openMenu(page, 'balance', 'balance-table')
      const summary = await page.locator('.summary').textContent()
      assert(summary.includes('全县评估学校') && summary.includes('全县达标学校'), `均衡发展的全县数字没有标明“全县”:${summary}`)
      assert((await page.locator(rows('balance-table')).count()) === 1, '学校管理员的均衡发展表不止本校一行')
      const headers = await page.locator('[data-test=balance-table] th').allTextContents()
      assert(!headers.some((h) => h.trim() === '乡镇'), '学校管理员的均衡发展表仍有“乡镇”列')
    })

    await step('班主任:首页分“本校/本班”,质量监测“我的班级”打开本班成绩或说明本班未参加', async () => {
      await page.locator('[data-test=logout]').click()
      await login(page, 'teacher', PASSWORD)
      await page.locator('[data-test=stat-my-class]').waitFor()
      const titles = await page.locator('.stat-title').allTextContents()
      assert(titles.some((t) => t.includes('本班在校生')) && titles.filter((t) => !t.includes('本班')).every((t) => t.trim().startsWith('本校')),
        `班主任首页卡片:${titles.join(',')}`)
      await page.locator('[data-test=menu-exams]').click()
      await page.locator('[data-test=my-classes]').waitFor()
      const mine = (await apiGet(page, '/my/classes')).classes
      assert(mine.length > 0, '班主任没有班级')
      const covered = mine.find((c) => c.exams.length)
      if (covered) {
        await page.locator('[data-test=my-class-exam]').first().click()
        await page.locator(rows('exam-results'), { hasText: covered.name }).first().waitFor()
      } else {
        const note = page.locator('[data-test=my-class-not-covered]')
        await note.waitFor()
        assert((await note.textContent()).includes('本班'), `提示为“${await note.textContent()}”`)
        assert((await note.textContent()).includes('未参加此次考试'), `提示为“${await note.textContent()}”`)
      }
      // A class an exam covers opens on its own results: make one for the teacher's class.
      await page.locator('[data-test=logout]').click()
      await login(page, 'admin', PASSWORD)
      await page.locator('[data-test=stat-schools]').waitFor()
      const klass = mine[0]
      const res = await page.request.post(`${BASE_URL}/api/v1/exams`, {
        headers: { 'X-CSRF-Token': (await apiGet(page, '/auth/me')).csrf_token },
        data: { name: `E2E本班考试${Date.now() % 100000}`, date: `${klass.school_year}-12-15`, grade: klass.grade, subjects: [{ name: '语文' }] },
      })
      assert(res.status() === 201, `新建本班考试返回 HTTP ${res.status()}:${await res.text()}`)
      await page.locator('[data-test=logout]').click()
      await login(page, 'teacher', PASSWORD)
      await page.locator('[data-test=stat-my-class]').waitFor()
      await page.locator('[data-test=menu-exams]').click()
      await page.locator('[data-test=my-class-exam]').first().click()
      await page.locator(rows('exam-results'), { hasText: klass.name }).first().waitFor()
      assert((await page.locator('[data-test=my-class-not-covered]').count()) === 0, '覆盖本班的考试仍提示未参加')
      await scrollToTop(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-my-classes.png'), fullPage: true })
    })

    // Last: a rollover changes the demo year every step above relies on.
    await step('学年升级:教育局管理员预览后确认,当前学年变为 2027', async () => {
      await page.locator('[data-test=logout]').click()
      await login(page, 'admin', PASSWORD)
      await page.locator('[data-test=stat-schools]').waitFor()
      await page.locator('[data-test=menu-rollover]').click()
      await page.locator('[data-test=rollover-preview]').click()
      await page.waitForSelector(rows('rollover-schools'), { timeout: TIMEOUT })
      const message = page.locator('[data-test=rollover-message]')
      assert((await message.textContent()).includes('预览'), `预览提示为“${await message.textContent()}”`)
      await page.locator('[data-test=rollover-commit]').click()
      await page.locator('.el-message-box').getByRole('button', { name: '确认升级' }).click()
      await page.locator('[data-test=rollover-message]', { hasText: '已完成' }).waitFor({ timeout: TIMEOUT })
      await scrollToTop(page)
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'e2e-rollover.png'), fullPage: true })
      const dashboard = await apiGet(page, '/dashboard')
      assert(dashboard.school_year === 2027, `升级后当前学年为 ${dashboard.school_year}`)
    })

    await step('页面没有脚本错误', async () => {
      assert(pageErrors.length === 0, pageErrors.join(' | '))
    })
  } finally {
    await browser.close()
    rmSync(tmp, { recursive: true, force: true })
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
