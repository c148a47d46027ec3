// Chinese labels for the machine values the API returns.

export const ACTION_LABELS = {
  create: '新增',
  update: '修改',
  view_id_number: '查看身份证号',
  login: '登录',
  logout: '退出',
  rollover: '学年升级',
}

export const ENTITY_LABELS = {
  school: '学校',
  student: '学生',
  teacher: '教职工',
  user: '用户',
  session: '登录会话',
  school_year: '学年',
}

export const STUDENT_STATUS_TAGS = {
  在读: 'success',
  休学: 'warning',
  转出: 'info',
  辍学: 'danger',
  毕业: 'primary',
}

export const yesNo = (b) => (b ? '是' : '否')
