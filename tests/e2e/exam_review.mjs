// End-to-end test of 质量监测 as issue 13 left it, as the bureau admin: the page opens on the
// newest exam with imported scores (not a newer one without); an exam without scores shows
// 未导入成绩; 学生报告 finds a candidate by name; 诚信报告 is a table whose filters narrow it;
// an exam archived leaves the list and 显示已归档 brings it back; the exam, level, subject and tab
// live in the URL (a reload, Back and the link opened by a colleague show the same view); the 班级
// level comes a page at a time.
//
//   BASE_URL=http://127.0.0.1:8080 node exam_review.mjs
//
// Uses Debian's Chromium (/usr/bin/chromium, or CHROMIUM); run by run.sh after login_school.mjs.
import { TIMEOUT, launch, login } from './lib.mjs'

const BASE_URL = process.env.BASE_URL
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

async function api(page, method, apiPath, data) {
  const headers = {}
  if (method !== 'GET') {
    const me = await page.request.get(`${BASE_URL}/api/v1/auth/me`)
    headers['X-CSRF-Token'] = (await me.json()).csrf_token
  }
  const res = await page.request.fetch(`${BASE_URL}/api/v1${apiPath}`, { method, headers, data })
  assert(res.ok(), `${method} ${apiPath} 返回 HTTP ${res.status()}`)
  return res.json()
}

async function chooseExam(page, exam) {
  await page.locator('[data-test=exam-select]').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: `${exam.name}(${exam.date})` }).first().click()
  await page.locator('[data-test=exam-select]', { hasText: exam.name }).waitFor()
}

const browser = await launch()
let failed = false
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  page.setDefaultTimeout(TIMEOUT)
  await page.goto(`${BASE_URL}/#/login`)
  await page.locator('input[data-test=login-username]').fill('admin')
  await page.locator('input[data-test=login-password]').fill('Demo@2026')
  await page.locator('[data-test=login-submit]').click()
  await page.waitForURL((u) => !u.hash.includes('login'))

  // A newer exam than any other, with no scores yet.
  const grade = (await api(page, 'GET', '/exams')).items.find((e) => e.has_scores).grade
  const empty = (
    await api(page, 'POST', '/exams', { name: `未导入考试${Date.now() % 100000}`, date: '2027-08-30', grade, subjects: [{ name: '语文', full_marks: 100 }] })
  ).exam
  const list = (await api(page, 'GET', '/exams')).items
  assert(list[0].id === empty.id && !list[0].has_scores, '新建考试不是列表中最新且无成绩的考试')
  const latest = list.find((e) => e.has_scores)

  await step('打开质量监测:默认显示最近一次已导入成绩的考试', async () => {
    await page.locator('[data-test=menu-exams]').click()
    await page.waitForSelector(rows('exam-results'))
    await page.locator('[data-test=exam-select]', { hasText: latest.name }).waitFor()
    const shown = await page.locator('[data-test=exam-select]').textContent()
    assert(!shown.includes(empty.name), `打开的是无成绩的考试:${shown}`)
  })

  await step('班级层面分页:每页50个班,按总分名次排列,翻页接着排', async () => {
    const whole = await api(page, 'GET', `/exams/${latest.id}/results?level=class&size=1`)
    await page.locator('.el-radio-button', { hasText: '班级' }).click()
    await page.locator('.pager .el-pagination__total', { hasText: `${whole.total}` }).waitFor()
    const shown = await page.locator(rows('exam-results')).count()
    assert(shown === Math.min(50, whole.total), `第1页显示 ${shown} 行,共 ${whole.total} 个班`)
    if (whole.total > 50) {
      await page.locator('.pager .btn-next').click()
      const second = await api(page, 'GET', `/exams/${latest.id}/results?level=class&size=50&page=2`)
      await page.locator(rows('exam-results')).first().filter({ hasText: second.groups[0].name }).waitFor()
    }
    await page.locator('.el-radio-button', { hasText: '学校' }).click()
    await page.locator('.pager').waitFor({ state: 'detached' })
  })

  await step('无成绩的考试:各校平均分显示“未导入成绩”,不显示 0.00', async () => {
    await chooseExam(page, empty)
    await page.locator('[data-test=exam-not-imported]').first().waitFor()
    const means = await page.locator(`${rows('exam-results')} td:nth-child(5)`).allTextContents()
    assert(means.length > 0 && means.every((t) => t.trim() === '未导入成绩'), `平均分列:${JSON.stringify(means.slice(0, 5))}`)
  })

  await step('归档:归档后考试不在列表中,打开“显示已归档”后出现', async () => {
    await page.locator('[data-test=exam-archive]').click()
    await page.locator('[data-test=exam-select]', { hasText: latest.name }).waitFor() // back on an exam with scores
    await page.locator('[data-test=exam-select]').click()
    assert((await page.locator('.el-select-dropdown__item:visible', { hasText: empty.name }).count()) === 0, '已归档的考试仍在列表中')
    await page.keyboard.press('Escape')
    await page.locator('[data-test=exam-show-archived]').click()
    await page.locator('[data-test=exam-select]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: `${empty.name}(${empty.date}) [已归档]` }).waitFor()
    await page.keyboard.press('Escape')
    assert((await api(page, 'GET', '/exams?archived=1')).items.find((e) => e.id === empty.id).archived, '接口未记录归档')
  })

  await step('学生报告:按姓名查找考生并打开其成绩', async () => {
    // A candidate's name: the search of one common surname lists some.
    const found = (await api(page, 'GET', `/exams/${latest.id}/candidates?q=${encodeURIComponent('王')}`)).items
    assert(found.length, '姓“王”的考生一个也没有')
    const name = found[0].name
    await page.locator('#tab-student').click()
    await page.locator('input[data-test=exam-student-search], [data-test=exam-student-search] input').first().fill(name)
    await page.locator('[data-test=exam-student-option]', { hasText: name }).first().click()
    await page.locator('[data-test=exam-student-name]', { hasText: name }).waitFor()
    assert((await page.locator(rows('exam-student')).count()) > 0, '学生报告没有科目行')
  })

  await step('诚信报告:异常以表格列出(学校、类别、科目、严重程度),按类别和严重程度筛选', async () => {
    const report = await api(page, 'GET', `/exams/${latest.id}/integrity`)
    await page.locator('#tab-integrity').click()
    if (!report.flags.length) {
      await page.locator('[data-test=integrity-empty]', { hasText: '参考率异常' }).waitFor()
      return
    }
    await page.waitForSelector(rows('exam-flags'))
    assert((await page.locator(rows('exam-flags')).count()) === report.flags.length, '表格行数与接口不一致')
    const kind = report.flags[0].kind
    const label = { participation: '参考率异常', remark: '自评偏松', cut_spike: '分数线堆积', similar_answers: '答案雷同', visiting: '附读生' }[kind]
    await page.locator('[data-test=integrity-kind]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: label }).click()
    const expected = report.flags.filter((f) => f.kind === kind).length
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel).length === n,
      [rows('exam-flags'), expected],
    )
    const kinds = await page.locator(`${rows('exam-flags')} td:nth-child(2)`).allTextContents()
    assert(kinds.every((t) => t.trim() === label), `筛选后仍有其他类别:${JSON.stringify(kinds)}`)
    const high = report.flags.filter((f) => f.kind === kind && f.severity === 'high').length
    await page.locator('[data-test=integrity-severity]').click()
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^高$/ }).click()
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel).length === n,
      [rows('exam-flags'), high],
    )
  })
  await step('地址记下考试、层级、科目与标签:刷新、后退与分享的链接都恢复', async () => {
    await page.locator('[data-test=menu-dashboard]').click()
    await page.locator('[data-test=menu-exams]').click()
    await page.waitForSelector(rows('exam-results'))
    await page.locator('[data-test=exam-level] .el-radio-button', { hasText: '乡镇' }).click()
    await page.locator('[data-test=exam-subject]').click()
    await page.locator('.el-select-dropdown__item:visible').first().waitFor()
    const subjects = await page.locator('.el-select-dropdown__item:visible').allTextContents()
    const subject = subjects[0].trim() // not the default (总分, the last)
    await page.locator('.el-select-dropdown__item:visible', { hasText: subject }).click()
    await page.locator('#tab-absentees').click()
    await page.waitForURL((u) => u.hash.includes('tab=absentees') && u.hash.includes('level=township') && u.hash.includes(`subject=${encodeURIComponent(subject)}`))
    const link = page.url()
    assert(link.includes(`exam=${latest.id}`), `地址应记下考试 ${latest.id}:${link}`)
    const restored = async (p, how) => {
      await p.locator('[data-test=exam-select]', { hasText: latest.name }).waitFor()
      await p.locator('#tab-absentees.is-active').waitFor()
      const level = await p.locator('[data-test=exam-level] .el-radio-button.is-active').innerText()
      assert(level === '乡镇', `${how}后层级应为乡镇,实为“${level}”`)
      const shown = await p.locator('[data-test=exam-subject]').innerText()
      assert(shown.includes(subject), `${how}后科目应为${subject},实为“${shown}”`)
    }
    await page.reload()
    await restored(page, '刷新')
    await page.locator('[data-test=menu-indicators]').click()
    await page.waitForURL(/#\/indicators/)
    await page.goBack()
    await restored(page, '后退')
    const colleague = await browser.newContext({ viewport: { width: 1440, height: 900 } }) // a link shared with a colleague
    const other = await colleague.newPage()
    await login(other, BASE_URL, 'admin')
    await other.waitForURL((u) => !u.hash.includes('login'))
    await other.goto(link)
    await restored(other, '打开分享的链接')
    await colleague.close()
  })
} catch (e) {
  failed = true
  console.error(`FAIL ${e.message}`)
} finally {
  await browser.close()
}
console.log(`exam_review: ${passed} passed${failed ? ', 1 failed' : ''}`)
process.exit(failed ? 1 : 0)
