// The workflows' declarations (GET /meta/workflows), loaded once per page
// load, and what a school admin may open: each workflow's opening actions
// (for one student: those whose student field allows the student's status).
import { ref } from 'vue'
import { caseApi } from '../api'
import { showError } from '../utils/errors'

const workflows = ref([])
let loading = null

export function useWorkflows() {
  if (!loading)
    loading = caseApi
      .workflows()
      .then((r) => (workflows.value = r.workflows))
      .catch((e) => {
        loading = null
        showError(e)
      })
  const workflowOf = (kind) => workflows.value.find((w) => w.kind === kind)
  const actionOf = (kind, key) => workflowOf(kind)?.actions.find((a) => a.key === key)
  // [{kind, title, action}] of every opening; with a student, those opened for them.
  function openings(student = null) {
    const out = []
    for (const w of workflows.value)
      for (const a of w.actions) {
        if (a.from.length) continue
        const field = a.fields.find((f) => f.type === 'student')
        if (student && (!field || !(field.options.length ? field.options : ['在读']).includes(student.status))) continue
        out.push({ kind: w.kind, title: w.title, action: a })
      }
    return out
  }
  return { workflows, workflowOf, actionOf, openings }
}
