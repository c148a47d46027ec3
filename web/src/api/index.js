// The API endpoints the UI uses, one function each (see docs/API.md).
import { download, get, post, put, upload } from './http'

export const authApi = {
  login: (username, password) => post('/auth/login', { username, password }),
  logout: () => post('/auth/logout'),
  me: () => get('/auth/me'),
}

// 首次设置 (docs/API.md): public while the database has no county.
export const setupApi = {
  state: () => get('/setup'),
  run: (body) => post('/setup', body),
}

export const referenceApi = {
  enums: () => get('/meta/enums'),
  // A register record's form for the signed-in user (school, student, teacher, class).
  form: (kind) => get(`/meta/forms/${kind}`),
  areas: () => get('/areas'),
  renameArea: (id, name) => put(`/areas/${id}`, { name }),
  dashboard: () => get('/dashboard'),
}

export const schoolApi = {
  list: (query) => get('/schools', query),
  get: (id) => get(`/schools/${id}`),
  create: (school) => post('/schools', school),
  update: (id, school) => put(`/schools/${id}`, school),
  audit: (id) => get(`/schools/${id}/audit`),
  classes: (schoolId) => get('/classes', { school_id: schoolId }),
  openClasses: (id, request) => post(`/schools/${id}/classes`, request),
  updateClass: (id, change) => put(`/classes/${id}`, change),
}

// Students and teachers share one shape of endpoints.
function personApi(collection) {
  return {
    list: (query) => get(`/${collection}`, query),
    create: (record) => post(`/${collection}`, record),
    update: (id, record) => put(`/${collection}/${id}`, record),
    idNumber: (id) => get(`/${collection}/${id}/id-number`),
    audit: (id) => get(`/${collection}/${id}/audit`),
  }
}
export const classSizeApi = {
  list: (query) => get('/class-sizes', query),
}

export const studentApi = {
  ...personApi('students'),
  // 学生档案: enrolments by year, changes from the audit log, cases with their logs.
  history: (id) => get(`/students/${id}/history`),
}
export const teacherApi = {
  ...personApi('teachers'),
  // 教师档案: schools and posts by year, title and 骨干 changes, training hours.
  history: (id) => get(`/teachers/${id}/history`),
}

// 继续教育: courses, their rosters (form and import), 参训率/合格率, the cycle's hours.
export const trainingApi = {
  courses: (query) => get('/training/courses', query),
  create: (course) => post('/training/courses', course),
  update: (id, course) => put(`/training/courses/${id}`, course),
  roster: (id) => get(`/training/courses/${id}/roster`),
  saveRoster: (id, items) => put(`/training/courses/${id}/roster`, { items }),
  importRoster: (id, file, progress) => upload(`/training/courses/${id}/roster/import`, file, progress),
  rates: (query) => get('/training/rates', query),
  rateRows: (query) => get('/training/rates/rows', query),
  hours: () => get('/training/hours'),
}

// 学年升级 (bureau_admin): preview changes nothing; commit applies it once.
export const rolloverApi = {
  preview: (toYear) => post('/rollover/preview', { to_year: toYear }),
  commit: (toYear) => post('/rollover/commit', { to_year: toYear }),
}

// 小升初: the 划片 and the follow-up lists of a school year (null: the current one).
export const transitionApi = {
  catchments: () => get('/catchments'),
  lists: (year) => get('/transition', year ? { year } : {}),
}

// 办理设置: the workflows' deadlines and 需教育局审批 switches, and the county's rules
// (交流轮岗, 职称评聘, 继续教育) by group (bureau_admin).
export const settingsApi = {
  workflows: () => get('/settings/workflows'),
  // body: { setting, days }, { setting, on } or { setting, value } (a rule: a number or a list
  // of texts); answers the whole list again.
  change: (body) => put('/settings/workflows', body),
}

export const adminApi = {
  users: () => get('/users'),
  createUser: (user) => post('/users', user),
  updateUser: (id, change) => put(`/users/${id}`, change),
  resetPassword: (id, password) => post(`/users/${id}/password`, { password }),
  audit: (query) => get('/audit', query),
}

// Excel/CSV import: kind is school | student | teacher | conditions.
// upload() answers a preview; nothing changes until commit().
export const importApi = {
  template: (kind) => download(`/templates/${kind}.xlsx`),
  upload: (kind, file, progress) => upload(`/imports/${kind}`, file, progress),
  list: () => get('/imports'),
  get: (id) => get(`/imports/${id}`),
  // The listed problems (the first 1000 of problem_count), a page at a time.
  problems: (id, page, size) => get(`/imports/${id}/problems`, { page, size }),
  errors: (id) => download(`/imports/${id}/errors.xlsx`),
  commit: (id) => post(`/imports/${id}/commit`),
}

// Downloads as .xlsx (ExportButton): an API path such as /exports/{kind}.xlsx with the
// list's filters as its query and — for a POST — a JSON body.
export const exportApi = {
  file: (path, query, body) => download(path, query, body),
}

// Option lists for the remote-search selects: (q) => [{value, label}].
export const lookup = {
  schools: (q) =>
    schoolApi.list({ q, size: 30 }).then((r) => r.items.map((s) => ({ value: s.id, label: s.name }))),
  teachersOf: (schoolId) => (q) =>
    teacherApi
      .list({ school_id: schoolId, q, size: 30 })
      .then((r) => r.items.map((t) => ({ value: t.id, label: `${t.name}(${t.subject})` }))),
  // 在读 students of the user's scope.
  students: (q) => lookup.studentsIn('在读')(q),
  // Students of the user's scope with this status (休学 for a 复学).
  studentsIn: (status) => (q) =>
    studentApi
      .list({ q, status, size: 30 })
      .then((r) => r.items.map((s) => ({ value: s.id, label: `${s.name}(${s.class_name || s.school_name})` }))),
  // Every student of the user's scope, whatever their status (a child out of school).
  children: (q) =>
    studentApi
      .list({ q, size: 30 })
      .then((r) => r.items.map((s) => ({ value: s.id, label: `${s.name}(${s.status},${s.school_name})` }))),
  // The current year's classes of a school, filtered by name.
  classesOf: (schoolId) => (q) =>
    schoolApi
      .classes(schoolId)
      .then((r) => r.items.filter((c) => !q || c.name.includes(q)).map((c) => ({ value: c.id, label: c.name }))),
}

// 学籍异动 cases and the 待办 inbox; the workflows' declarations come from the server.
export const caseApi = {
  workflows: () => get('/meta/workflows'),
  // query: { box: todo|mine|all, school_id, overdue: 1 }
  list: (query) => get('/cases', query),
  // Overdue cases per school, for the bureau and township officers.
  overdue: () => get('/cases/overdue'),
  get: (id) => get(`/cases/${id}`),
  open: (request) => post('/cases', request),
  act: (id, action, request) => post(`/cases/${id}/actions/${action}`, request),
  // An evidence file (PDF/JPG/PNG ≤ 5 MB) for an action's "file" field: {id, file_name, size}.
  attach: (file) => upload('/cases/attachments', file),
  attachment: (caseId, id) => download(`/cases/${caseId}/attachments/${id}`),
  // Any school of the county by name (a case's other school).
  schools: (q) => get('/cases/schools', { q }).then((r) => r.items.map((s) => ({ value: s.id, label: s.name }))),
}

// 数据核查: each standing check's count, and one check's rows a page at a time.
export const checkApi = {
  counts: () => get('/checks'),
  rows: (kind, query) => get(`/checks/${kind}`, query),
}

// 控辍保学 reports: `query` is { period } (week | term | year) or { from, to }.
// 职称评聘: posts per school, rounds, the round's report, a teacher's titles and 解聘.
export const titleApi = {
  posts: (query) => get('/titles/posts', query),
  setPosts: (body) => put('/titles/posts', body),
  rounds: () => get('/titles/rounds'),
  openRound: (round) => post('/titles/rounds', round),
  closeRound: (id) => post(`/titles/rounds/${id}/close`),
  report: (query) => get('/titles/report', query),
  teacher: (id) => get(`/titles/teachers/${id}`),
  dismiss: (id, body) => post(`/titles/teachers/${id}/dismiss`, body),
}

export const dropoutApi = {
  report: (query) => get('/dropout/report', query),
}

// 交流轮岗: the year's plan (quotas, moves, exchanges away, the pending moves as a what-if draft)
// and a teacher's exchanges. Proposals, approvals and returns are case actions (caseApi).
export const exchangeApi = {
  plan: (query) => get('/exchange/plan', query),
  // The bureau's chosen moves, all opened or none: [{teacher_id, target_school_id, start_on, years}].
  propose: (proposals) => post('/exchange/proposals', { proposals }),
  teacher: (id) => get(`/exchange/teachers/${id}`),
}

// Statistics and balanced development (read-only; whatif/plan: bureau_admin, nothing saved).
export const analyticsApi = {
  indicators: (query) => get('/analytics/indicators', query),
  balance: (query) => get('/analytics/balance', query),
  history: (query) => get('/analytics/balance/history', query),
  // A city's 区/县 side by side (empty in a county deployment).
  counties: (query) => get('/analytics/balance/counties', query),
  whatif: (draft) => post('/analytics/whatif', draft),
  plan: (request) => post('/analytics/plan', request),
}

// Exam quality monitoring (质量监测); results scoped by the server.
export const examApi = {
  // withArchived: archived exams too (显示已归档). Each exam says has_scores.
  list: (withArchived) => get('/exams', withArchived ? { archived: 1 } : {}),
  archive: (id, archived) => post(`/exams/${id}/archive`, { archived }),
  // 我的班级 (teachers only): their classes, each with the exams covering it.
  myClasses: () => get('/my/classes'),
  // Class and teacher levels come a page at a time, in rank order of 总分 (`page`, `size`), or
  // of the subject `column` (an index of the exam's subjects, 总分 after them) when given.
  results: (id, level, piece = {}) => get(`/exams/${id}/results`, { level, ...piece }),
  absentees: (id) => get(`/exams/${id}/absentees`),
  student: (id, studentId) => get(`/exams/${id}/students/${studentId}`),
  // 学生报告's search: q is a name, or an ID number's first digits (roles that see full numbers).
  candidates: (id, q) => get(`/exams/${id}/candidates`, { q }),
  valueAdded: (id) => get(`/exams/${id}/value-added`),
  integrity: (id) => get(`/exams/${id}/integrity`),
  reviewFlag: (id, key, reviewed) => put(`/exams/${id}/integrity/reviews`, { key, reviewed }),
  scoreTemplate: (id) => download(`/exams/${id}/template.xlsx`),
  items: (id) => get(`/exams/${id}/items`),
  rewards: (id) => get(`/exams/${id}/rewards`),
  setRewards: (id, rules) => put(`/exams/${id}/rewards`, { rules }),
  rewardsXlsx: (id) => download(`/exams/${id}/rewards.xlsx`),
  create: (exam) => post('/exams', exam),
  exemptions: (id) => get(`/exams/${id}/exemptions`),
  // Score sheets (multipart field `file`): preview checks only, commit writes.
  previewScores: (id, file, progress) => upload(`/exams/${id}/scores/preview`, file, progress),
  commitScores: (id, file, progress) => upload(`/exams/${id}/scores/commit`, file, progress),
}
