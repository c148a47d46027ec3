// The number of cases waiting for the signed-in user (the 待办 badge).
import { defineStore } from 'pinia'
import { caseApi } from '../api'

export const useTodoStore = defineStore('todo', {
  state: () => ({ count: 0 }),
  actions: {
    async refresh() {
      try {
        this.count = (await caseApi.list({ box: 'todo' })).total
      } catch {
        this.count = 0
      }
    },
  },
})
