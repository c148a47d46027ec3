import { ElMessage } from 'element-plus'

// Shows an API or network error to the user. A 401 needs no message:
// the HTTP layer has already sent the user to the login page.
export function showError(error) {
  if (error?.status === 401) return
  ElMessage.error(error?.message || '操作失败')
}
