// Server-side paged table state shared by every list page.
//   const table = usePagedTable(studentApi.list, filters)
// `filters` is a reactive object of query parameters; changing any of them goes
// back to page 1 and reloads (debounced, so typing in a search box is calm).
// Sorting is the server's: a column with sortable="custom" and column-key="name"
// (a key the list API accepts) wired to @sort-change="table.sortBy" sends
// sort=name or sort=-name. A failed load empties the table and sets `error`
// (its message), which <LoadError> in the table's #empty slot shows with 重试.
import { onMounted, reactive, watch } from 'vue'

export function usePagedTable(fetchPage, filters) {
  const initial = { ...filters }
  const table = reactive({
    items: [], total: 0, page: 1, size: 20, sort: '', loading: false, error: '', load, reset, sortBy,
  })
  let latest = 0 // answers to older requests are dropped

  async function load() {
    const request = ++latest
    table.loading = true
    try {
      const res = await fetchPage({ ...filters, sort: table.sort, page: table.page, size: table.size })
      if (request !== latest) return
      table.items = res.items
      table.total = res.total
      table.error = ''
    } catch (e) {
      if (request !== latest) return
      table.items = []
      table.total = 0
      table.error = e.message || '请求失败'
    } finally {
      if (request === latest) table.loading = false
    }
  }

  function search() {
    if (table.page !== 1) table.page = 1 // the page watcher reloads
    else load()
  }

  // el-table's sort-change: { column, order } with order 'ascending' | 'descending' | null.
  function sortBy({ column, order }) {
    table.sort = order && column?.columnKey ? (order === 'descending' ? '-' : '') + column.columnKey : ''
    search()
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
