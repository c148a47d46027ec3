// Server-side paged table state shared by every list page.
//   const table = usePagedTable(studentApi.list, filters)
// `filters` is a reactive object of query parameters; changing any of them goes
// back to page 1 and reloads (debounced, so typing in a search box is calm).
import { onMounted, reactive, watch } from 'vue'
import { showError } from '../utils/errors'

export function usePagedTable(fetchPage, filters) {
  const initial = { ...filters }
  const table = reactive({ items: [], total: 0, page: 1, size: 20, loading: false, load, reset })
  let latest = 0 // answers to older requests are dropped

  async function load() {
    const request = ++latest
    table.loading = true
    try {
      const res = await fetchPage({ ...filters, page: table.page, size: table.size })
      if (request !== latest) return
      table.items = res.items
      table.total = res.total
    } catch (e) {
      if (request === latest) showError(e)
    } finally {
      if (request === latest) table.loading = false
    }
  }

  function search() {
    if (table.page !== 1) table.page = 1 // the page watcher reloads
    else load()
  }

  function reset() {
    Object.assign(filters, initial)
  }

  let timer
  watch(filters, () => {
    clearTimeout(timer)
    timer = setTimeout(search, 300)
  })
  watch(() => [table.page, table.size], load)
  onMounted(load)
  return table
}
