// The signed-in user and the CSRF token of their session.
import { defineStore } from 'pinia'
import { authApi } from '../api'
import { useMetaStore } from './meta'

export const useAuthStore = defineStore('auth', {
  state: () => ({ user: null, csrfToken: '' }),
  getters: {
    isAdmin: (s) => s.user?.role === 'bureau_admin',
    // May create and edit students and teachers (bureau and school admins).
    canEdit: (s) => !!s.user?.can_edit,
    canSeeIdNumbers: (s) => !!s.user?.can_see_id_numbers,
    // Change histories are open to every role but teacher (the server's access policy).
    canReadHistory: (s) => !!s.user && s.user.role !== 'teacher',
    // The 小升初 follow-up lists too (Entity::kTransition).
    canReadFollowUp: (s) => !!s.user && s.user.role !== 'teacher',
    // 学籍异动 cases: the bureau, area officers and school admins (workflow/case_engine.h).
    handlesCases: (s) => ['bureau_admin', 'area_officer', 'school_admin'].includes(s.user?.role),
    // 数据核查: the same roles, each within their scope (workflow/standing_checks.h).
    readsChecks: (s) => ['bureau_admin', 'area_officer', 'school_admin'].includes(s.user?.role),
    // {id, name} of the user's own school, for users scoped to one school.
    ownSchool: (s) => (s.user?.school_id ? { id: s.user.school_id, name: s.user.scope_name } : null),
  },
  actions: {
    async login(username, password) {
      this.set(await authApi.login(username, password))
    },
    // Picks up an existing session (page reload); leaves user null when there is none.
    async restore() {
      try {
        this.set(await authApi.me())
      } catch {
        this.clear()
      }
    },
    async logout() {
      try {
        await authApi.logout()
      } finally {
        this.clear()
      }
    },
    set({ user, csrf_token }) {
      this.user = user
      this.csrfToken = csrf_token
    },
    clear() {
      this.user = null
      this.csrfToken = ''
      useMetaStore().$reset() // the visible areas depend on who is signed in
    },
  },
})
