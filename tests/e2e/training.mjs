// 继续教育 on the demo county: the school admin registers a 校本 course in the form, adds two
// of their teachers to its roster, marks one 参训 and 合格 in the table and saves; the bureau's
// 参训率与合格率 tab then counts those two rows more (one of them attended) in the total, as
// GET /training/rates computes it; the teacher's 教师档案 lists the course with its 学时.
//
//   BASE_URL=http://127.0.0.1:8080 node training.mjs
import { TIMEOUT, assert, loginAs, openMenu, run, settle } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('training: set BASE_URL')
  process.exit(2)
}
const api = (page, path) => page.request.get(`${BASE_URL}/api/v1${path}`).then((r) => r.json())
const viewport = { width: 1366, height: 900 }
const COURSE = '浏览器测试校本研修'
// The <input> of an Element Plus field marked data-test=`name` (on the input itself or its wrapper).
const input = (scope, name) => scope.locator(`:is(input[data-test=${name}], [data-test=${name}] input)`).first()

await run('training', async (browser, errors) => {
  const bureau = await loginAs(browser, BASE_URL, 'admin', viewport, errors)
  // The current school year (an earlier browser test may have rolled it over): the course is dated in it.
  const year = (await api(bureau, '/training/courses')).school_year
  const before = (await api(bureau, `/training/rates?year=${year}`)).total

  const school = await loginAs(browser, BASE_URL, 'school_admin', viewport, errors)
  await openMenu(school, 'training')
  await school.locator('[data-test=course-new]').click()
  const dialog = school.locator('[data-test=course-dialog]')
  await input(dialog, 'course-name').fill(COURSE)
  await input(dialog, 'course-organiser').fill('本校教科室')
  await dialog.locator('input[placeholder=开始日期]').fill(`${year}-11-20`)
  await dialog.locator('input[placeholder=结束日期]').fill(`${year}-11-21`)
  await dialog.locator('input[placeholder=结束日期]').press('Enter')
  await input(dialog, 'course-hours').fill('12')
  await dialog.locator('[data-test=course-save]').click()
  const row = school.locator('[data-test=course-table] tr', { hasText: COURSE })
  await row.waitFor({ timeout: TIMEOUT })

  // Two of the school's teachers on the roster, by name.
  const teachers = (await api(school, '/teachers?post=专任教师&size=2')).items
  assert(teachers.length === 2, '本校专任教师不足两人')
  await row.locator('[data-test=course-roster]').click()
  const drawer = school.locator('[data-test=roster-drawer]')
  for (const t of teachers) {
    await input(drawer, 'roster-add').fill(t.name)
    await school.locator('.el-select-dropdown__item:visible', { hasText: t.name }).first().click()
    await drawer.getByRole('button', { name: '加入名单' }).click()
  }
  // The first attended and passed; the second stays absent.
  await drawer.locator('[data-test=roster-attended]').first().click()
  await drawer.locator('[data-test=roster-passed]').first().click()
  await drawer.locator('[data-test=roster-save]').click()
  await school.locator('.el-message--success', { hasText: '名单已保存' }).waitFor({ timeout: TIMEOUT })
  await settle(school)
  const course = (await api(school, `/training/courses?year=${year}`)).items.find((c) => c.name === COURSE)
  assert(course && course.required === 2 && course.attended === 1 && course.passed === 1,
    `名单保存后应为必训2、参训1、合格1,实为 ${JSON.stringify(course)}`)

  // The bureau's rates: two more required rows, one more attended.
  await openMenu(bureau, 'training')
  await bureau.getByRole('tab', { name: '参训率与合格率' }).click()
  const total = bureau.locator('[data-test=rates-total]')
  await total.waitFor({ timeout: TIMEOUT })
  const after = (await api(bureau, `/training/rates?year=${year}`)).total
  assert(after.participation.denominator === before.participation.denominator + 2, '必训人次没有增加2')
  assert(after.participation.numerator === before.participation.numerator + 1, '参训人次没有增加1')
  const text = await total.textContent()
  assert(text.includes(`${after.participation.numerator} / ${after.participation.denominator}`),
    `合计行没有显示 ${after.participation.numerator} / ${after.participation.denominator}:${text}`)
  assert(text.includes(`${after.participation.percent.toFixed(1)}%`), '合计行没有显示参训率')
  assert(await bureau.locator('[data-test=chart]').count() > 0, '没有参训率图表')

  // The teacher's page lists the course with its 12 学时.
  await school.goto(`${BASE_URL}/#/teachers/${teachers[0].id}`)
  const training = school.locator('[data-test=teacher-training]')
  await training.waitFor({ timeout: TIMEOUT })
  const page = await training.textContent()
  assert(page.includes(COURSE) && page.includes('12 / 12'), '教师档案没有列出这次培训及其学时')
  console.log(`training ok: 校本名单必训2、参训1;教育局合计参训 ${after.participation.numerator}/${after.participation.denominator}(${after.participation.percent}%)`)
})
