// State of a create/edit dialog form shared by the record form (RecordFormDialog) and the user form.
//   const { formRef, form, errors, saving, fill, save } = useDialogForm({ blank, submit, onSaved })
// blank() gives the empty form (its keys are the API fields; they may grow once a declared
// form has loaded — each fill asks blank() again); fill(record) loads a record
// for editing (or blanks the form when record is null); save() validates, submits and
// puts a server validation error (422 with `field`) under that field, or shows it as a message.
import { nextTick, reactive, ref } from 'vue'
import { showError } from '../utils/errors'

export function useDialogForm({ blank, submit, onSaved }) {
  const formRef = ref()
  const form = reactive(blank())
  const errors = reactive({}) // bound as <el-form-item :error="errors.name">
  const saving = ref(false)

  function clearErrors() {
    for (const key of Object.keys(errors)) errors[key] = ''
  }

  function fill(record) {
    clearErrors()
    Object.assign(form, blank())
    for (const key of Object.keys(form)) if (record && record[key] !== undefined) form[key] = record[key]
    nextTick(() => formRef.value?.clearValidate())
  }

  async function save() {
    clearErrors()
    if (!(await formRef.value.validate().catch(() => false))) return
    saving.value = true
    try {
      onSaved(await submit({ ...form }))
    } catch (e) {
      if (e?.field && e.field in form) errors[e.field] = e.message
      else showError(e)
    } finally {
      saving.value = false
    }
  }

  return { formRef, form, errors, saving, fill, save }
}
