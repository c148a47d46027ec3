// End-to-end test of the bureau admin's 用户管理 and 操作日志 on the demo county:
// an account renamed and disabled (its owner is logged out and cannot log in),
// enabled again, its password reset, then the audit log filtered to those
// changes, each row naming who acted and the account by name; logins appear
// only when asked for.
//
//   BASE_URL=http://127.0.0.1:8080 node admin_accounts.mjs
import { TIMEOUT, assert, login, run } from './lib.mjs'

const { BASE_URL } = process.env
if (!BASE_URL) {
  console.error('admin_accounts: set BASE_URL')
  process.exit(2)
}

await run('admin_accounts', async (browser, errors) => {
  const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } })
  admin.on('pageerror', (e) => errors.push(e.message))
  await login(admin, BASE_URL, 'admin')
  await admin.locator('[data-test=menu-users]').click()
  const row = (name) => admin.locator('[data-test=user-table] .el-table__row', { hasText: name })
  await row('inspector').waitFor({ timeout: TIMEOUT })
  assert((await admin.locator('[data-test=user-toggle-admin]').count()) === 0, '管理员自己的账号不应有“停用”按钮')

  // The inspector's owner is logged in elsewhere.
  const inspector = await browser.newPage()
  await login(inspector, BASE_URL, 'inspector')
  await inspector.locator('[data-test=current-user]').waitFor({ timeout: TIMEOUT })

  await admin.locator('[data-test=user-edit-inspector]').click()
  const name = admin.locator('[data-test=user-form] input').nth(1)
  await name.fill('王督学')
  await admin.locator('[data-test=user-save]').click()
  await row('王督学').waitFor({ timeout: TIMEOUT })
  console.log('  ok  编辑用户姓名')

  await admin.locator('[data-test=user-toggle-inspector]').click()
  await admin.locator('.el-message-box__btns .el-button--primary').click()
  await row('inspector').getByText('停用').first().waitFor({ timeout: TIMEOUT })
  await inspector.reload()
  await inspector.locator('[data-test=login-submit]').waitFor({ timeout: TIMEOUT })
  await login(inspector, BASE_URL, 'inspector')
  await inspector.locator('[data-test=login-error]').waitFor({ timeout: TIMEOUT })
  console.log('  ok  停用后立即退出且不能登录')

  await admin.locator('[data-test=user-toggle-inspector]').click()
  await admin.locator('.el-message-box__btns .el-button--primary').click()
  await row('inspector').getByText('启用').first().waitFor({ timeout: TIMEOUT })
  await admin.locator('[data-test=user-password-inspector]').click()
  await admin.locator('.el-message-box__input input').fill('Duxue#2027')
  await admin.locator('.el-message-box__btns .el-button--primary').click()
  await admin.getByText('已重置“inspector”的密码').waitFor({ timeout: TIMEOUT })
  await login(inspector, BASE_URL, 'inspector', 'Duxue#2027')
  await inspector.locator('[data-test=current-user]').waitFor({ timeout: TIMEOUT })
  console.log('  ok  启用并重置密码后用新密码登录')

  await admin.locator('[data-test=menu-audit]').click()
  const auditRows = admin.locator('[data-test=audit-table] .el-table__row')
  await auditRows.first().waitFor({ timeout: TIMEOUT })
  const before = await admin.locator('[data-test=audit-table]').innerText()
  assert(!before.includes('登录会话') && !/\t登录\t/.test(before), '默认不应显示登录记录')
  await admin.locator('[data-test=audit-entity]').click()
  await admin.locator('.el-select-dropdown__item:visible', { hasText: '用户账号' }).click()
  await admin.waitForFunction(
    () => document.querySelector('[data-test=audit-table]')?.innerText.includes('用户账号:王督学'),
    null,
    { timeout: TIMEOUT },
  )
  const text = await admin.locator('[data-test=audit-table]').innerText()
  assert(text.includes('教育局管理员(admin)'), `日志应写明操作人姓名:${text.slice(0, 200)}`)
  assert(text.includes('账号状态') && text.includes('停用'), '日志应记下停用')
  assert(text.includes('密码'), '日志应记下重置密码')
  console.log('  ok  操作日志按对象筛选并显示姓名')

  await admin.locator('[data-test=audit-sessions]').click()
  await admin.locator('[data-test=audit-entity]').click()
  await admin.locator('.el-select-dropdown__item:visible', { hasText: /^登录$/ }).click()
  await admin.waitForFunction(
    () => document.querySelector('[data-test=audit-table]')?.innerText.includes('inspector'),
    null,
    { timeout: TIMEOUT },
  )
  console.log('  ok  勾选后显示登录记录')
})
