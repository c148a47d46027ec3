// Hash routes (/#/schools/12), so the server needs no fallback for deep links.
// Every route but 登录 needs a session; 模拟规划, 学年升级, 乡镇(街道), 用户管理, 办理设置 and 操作日志 need
// bureau_admin; 数据导入 needs a user who may create records (auth.canEdit); 小升初, a user who
// may read the follow-up lists (auth.canReadFollowUp); 待办, a user who handles cases (auth.handlesCases);
// 数据核查, a user who reads the standing checks (auth.readsChecks).
import { createRouter, createWebHashHistory } from 'vue-router'
import { Bell, Calendar, Trophy, Compass, DataAnalysis, Document, Finished, Grid, Guide, Medal, HomeFilled, Histogram, Location, Reading, School, Setting, Switch, Timer, TrendCharts, Upload, User, UserFilled } from '@element-plus/icons-vue'
import AdminLayout from '../layout/AdminLayout.vue'
import LoginView from '../views/LoginView.vue'
import { useAuthStore } from '../stores/auth'

// Children with meta.icon are the sidebar menu, in this order.
const pages = [
  { path: '', name: 'dashboard', component: () => import('../views/DashboardView.vue'), meta: { title: '首页', icon: HomeFilled } },
  { path: 'todo', name: 'todo', component: () => import('../views/TodoView.vue'), meta: { title: '待办', icon: Bell, cases: true, badge: 'todo' } },
  { path: 'schools', name: 'schools', component: () => import('../views/SchoolListView.vue'), meta: { title: '学校', icon: School } },
  {
    path: 'schools/:id(\\d+)',
    name: 'school',
    component: () => import('../views/SchoolDetailView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '学校详情', menu: '/schools' },
  },
  { path: 'students', name: 'students', component: () => import('../views/StudentListView.vue'), meta: { title: '学生', icon: User } },
  {
    path: 'students/:id(\\d+)',
    name: 'student',
    component: () => import('../views/StudentView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '学生档案', menu: '/students' },
  },
  { path: 'teachers', name: 'teachers', component: () => import('../views/TeacherListView.vue'), meta: { title: '教职工', icon: UserFilled } },
  {
    path: 'teachers/:id(\\d+)',
    name: 'teacher',
    component: () => import('../views/TeacherView.vue'),
    props: (route) => ({ id: Number(route.params.id) }),
    meta: { title: '教师档案', menu: '/teachers' },
  },
  { path: 'training', name: 'training', component: () => import('../views/TrainingView.vue'), meta: { title: '继续教育', icon: Reading } },
  { path: 'class-sizes', name: 'class-sizes', component: () => import('../views/ClassSizeListView.vue'), meta: { title: '班额', icon: Grid } },
  { path: 'indicators', name: 'indicators', component: () => import('../views/IndicatorsView.vue'), meta: { title: '统计指标', icon: DataAnalysis } },
  { path: 'balance', name: 'balance', component: () => import('../views/BalanceView.vue'), meta: { title: '均衡发展', icon: Histogram } },
  { path: 'whatif', name: 'whatif', component: () => import('../views/WhatIfView.vue'), meta: { title: '模拟规划', icon: TrendCharts, admin: true } },
  { path: 'exams', name: 'exams', component: () => import('../views/ExamView.vue'), meta: { title: '质量监测', icon: Medal } },
  { path: 'dropout', name: 'dropout', component: () => import('../views/DropoutView.vue'), meta: { title: '控辍保学', icon: Compass, cases: true } },
  { path: 'exchange', name: 'exchange', component: () => import('../views/ExchangeView.vue'), meta: { title: '交流轮岗', icon: Switch, cases: true } },
  { path: 'titles', name: 'titles', component: () => import('../views/TitlesView.vue'), meta: { title: '职称评聘', icon: Trophy, cases: true } },
  { path: 'transition', name: 'transition', component: () => import('../views/TransitionView.vue'), meta: { title: '小升初', icon: Guide, followUp: true } },
  { path: 'checks', name: 'checks', component: () => import('../views/ChecksView.vue'), meta: { title: '数据核查', icon: Finished, checks: true } },
  { path: 'imports', name: 'imports', component: () => import('../views/ImportView.vue'), meta: { title: '数据导入', icon: Upload, edit: true } },
  { path: 'rollover', name: 'rollover', component: () => import('../views/RolloverView.vue'), meta: { title: '学年升级', icon: Calendar, admin: true } },
  { path: 'areas', name: 'areas', component: () => import('../views/AreaListView.vue'), meta: { title: '乡镇(街道)', icon: Location, admin: true } },
  { path: 'users', name: 'users', component: () => import('../views/UserListView.vue'), meta: { title: '用户管理', icon: Setting, admin: true } },
  { path: 'settings', name: 'settings', component: () => import('../views/SettingsView.vue'), meta: { title: '办理设置', icon: Timer, admin: true } },
  { path: 'audit', name: 'audit', component: () => import('../views/AuditLogView.vue'), meta: { title: '操作日志', icon: Document, admin: true } },
]

const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginView, meta: { title: '登录', public: true } },
    { path: '/setup', name: 'setup', component: () => import('../views/SetupView.vue'), meta: { title: '首次设置', public: true } },
    { path: '/', component: AdminLayout, children: pages },
    { path: '/:unknown(.*)*', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const auth = useAuthStore()
  if (!auth.user) await auth.restore()
  if (!auth.user) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  if (to.meta.admin && !auth.isAdmin) return { name: 'dashboard' }
  if (to.meta.edit && !auth.canEdit) return { name: 'dashboard' }
  if (to.meta.followUp && !auth.canReadFollowUp) return { name: 'dashboard' }
  if (to.meta.cases && !auth.handlesCases) return { name: 'dashboard' }
  if (to.meta.checks && !auth.readsChecks) return { name: 'dashboard' }
  return true
})

router.afterEach((to) => {
  document.title = `${to.meta.title} - 教育局综合管理平台`
})

export const menuPages = pages.filter((p) => p.meta.icon)
export default router
