// End-to-end test of the one record form (RecordFormDialog, GET /meta/forms/{kind}) as a
// school admin: 新增学生 — a wrong check digit is flagged as soon as the 18th character is
// typed, a right number fills the birth date and gender, the school is preset to their own,
// and the new student is listed; 编辑教职工 — 学校, 骨干级别 and 是否在编 are disabled with the
// server's reason in their tooltip, the name is changed and the list shows it; 编辑班级 — what
// the class is (学校, 学年, 学段, 年级, 班号) is shown disabled, its name is changed.
//
//   BASE_URL=http://127.0.0.1:8080 node record_forms.mjs
import { TIMEOUT, assert, login, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('record_forms: set BASE_URL')
  process.exit(2)
}

// A resident ID number of area 110101 (never used by the demo county) with its check character.
function idNumber(body17) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(body17[i]), 0)
  return body17 + '10X98765432'[sum % 11]
}
const wrongCheck = (id) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0')

const rows = (table) => `[data-test=${table}] .el-table__body tr.el-table__row`

await run('record_forms', async (browser, errors) => {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  page.on('pageerror', (e) => errors.push(e.message))
  await login(page, BASE_URL, 'school_admin')

  await page.locator('[data-test=menu-students]').click()
  await page.waitForSelector(rows('student-table'), { timeout: TIMEOUT })
  await page.locator('[data-test=student-new]').click()
  const form = page.locator('[data-test=student-form]')
  await form.locator('[data-test=field-name]').waitFor({ timeout: TIMEOUT })
  const field = (key) => form.locator(`[data-test=field-${key}]`)
  const me = await (await page.request.get(`${BASE_URL}/api/v1/auth/me`)).json()
  const school = await field('school_id').locator('.el-select__placeholder').textContent()
  assert(school.trim() === me.user.scope_name, `新学生的学校预置为“${school}”,应为“${me.user.scope_name}”`)
  await field('name').locator('input').fill('表单测试生')
  const id = idNumber('11010120160315002')
  await field('id_number').locator('input').fill(wrongCheck(id))
  await field('id_number').locator('.el-form-item__error', { hasText: '校验位不正确' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  校验位错误立即提示')
  await field('id_number').locator('input').fill(id)
  await page.waitForFunction(
    () => document.querySelector('[data-test=field-birth_date] input')?.value === '2016-03-15',
    null,
    { timeout: TIMEOUT },
  )
  const gender = await field('gender').locator('.el-select__placeholder').textContent()
  assert(gender.trim() === '女', `性别按身份证号填为“${gender}”`)
  await field('id_number').locator('.el-form-item__error').waitFor({ state: 'detached', timeout: TIMEOUT })
  console.log('  ok  出生日期和性别由身份证号填入')
  await field('household').locator('.el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '城镇' }).first().click()
  const enrolled = field('enrolled_on').locator('input')
  await enrolled.fill('2022-09-01')
  await enrolled.press('Enter')
  await page.locator('[data-test=student-save]').click()
  await page.locator('.el-message', { hasText: '学生信息已保存' }).waitFor({ timeout: TIMEOUT })
  await page.locator('input[data-test=student-search]').fill('表单测试生')
  await page.locator(rows('student-table'), { hasText: '表单测试生' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  新增学生')

  await page.locator('[data-test=menu-teachers]').click()
  await page.waitForSelector(rows('teacher-table'), { timeout: TIMEOUT })
  const first = page.locator(rows('teacher-table')).first()
  await first.getByRole('button', { name: '编辑' }).click()
  const teacher = page.locator('[data-test=teacher-form]')
  const item = (key) => teacher.locator(`[data-test=field-${key}]`)
  await item('name').waitFor({ timeout: TIMEOUT })
  for (const key of ['school_id', 'backbone', 'on_staff'])
    assert((await item(key).locator('.is-disabled').count()) > 0, `“${key}”对学校管理员可编辑`)
  for (const key of ['name', 'title', 'hired_on'])
    assert((await item(key).locator('.is-disabled').count()) === 0, `“${key}”对学校管理员不可编辑`)
  await item('backbone').locator('.field').hover()
  await page.locator('.el-popper:visible', { hasText: '您的角色无权修改“骨干级别”:该字段由教育局维护' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  不可改的字段禁用并说明原因')
  await item('name').locator('input').fill('表单测试师')
  await page.locator('[data-test=teacher-save]').click()
  await page.locator('.el-message', { hasText: '教职工信息已保存' }).waitFor({ timeout: TIMEOUT })
  await page.locator(rows('teacher-table'), { hasText: '表单测试师' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  编辑教职工')

  await page.locator('[data-test=menu-schools]').click()
  await page.locator(rows('school-table')).first().click()
  await page.locator('[data-test^=class-edit-]').first().click()
  const klass = page.locator('[data-test=class-form]')
  const cell = (key) => klass.locator(`[data-test=field-${key}]`)
  await cell('name').waitFor({ timeout: TIMEOUT })
  for (const key of ['school_id', 'school_year', 'section', 'grade', 'class_no'])
    assert((await cell(key).locator('.is-disabled').count()) > 0, `班级的“${key}”可以编辑`)
  const grade = await cell('grade').locator('input').inputValue()
  assert(grade.endsWith('年级'), `年级显示为“${grade}”`)
  assert((await cell('head_teacher_id').locator('.is-disabled').count()) === 0, '班主任不能编辑')
  await cell('name').locator('input').fill('表单测试班')
  await page.locator('[data-test=class-save]').click()
  await page.locator('.el-message', { hasText: '班级信息已保存' }).waitFor({ timeout: TIMEOUT })
  await page.locator(rows('class-table'), { hasText: '表单测试班' }).waitFor({ timeout: TIMEOUT })
  console.log('  ok  编辑班级')
})
