// One pane's data, loaded when the pane mounts, with what its template needs:
//   const { data, loading, error, reload } = useLoad(() => examApi.items(id), (r) => r.subjects, [])
// `pick` takes the part of the answer the pane shows; `initial` is `data` before
// (and after a failed) load. A failure leaves its message in `error` for
// <LoadError :error @retry="reload"> (a lost session is the login page's, not an error here).
import { onMounted, ref } from 'vue'

export function useLoad(fetch, pick = (answer) => answer, initial = null) {
  const data = ref(initial)
  const loading = ref(false)
  const error = ref('')

  async function reload() {
    loading.value = true
    error.value = ''
    try {
      data.value = pick(await fetch())
    } catch (e) {
      data.value = initial
      if (e?.status !== 401) error.value = e?.message || '加载失败'
    } finally {
      loading.value = false
    }
  }

  onMounted(reload)
  return { data, loading, error, reload }
}
