// The list filters in the route's query, so that a list opened by a link (统计指标
// opens the records behind a figure this way), reloaded or bookmarked shows what it
// showed:
//   const filters = reactive(routeFilters(route.query, { area_id: null, section: '' }))
//   keepInRoute(filters, { status: '全部' })
// Only the keys of `defaults` are read; a key whose default is null is a number, one
// whose default is false a switch (in the query as "1" when on, absent when off).
// `all` names, per key, the word the query uses for a filter the user emptied whose
// default is not empty (学生's 学籍状态 defaults to 在读; status=全部 lists every status).
import { watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'

export function routeFilters(query, defaults, all = {}) {
  const filters = { ...defaults }
  for (const key of Object.keys(defaults)) {
    const value = query[key]
    if (value == null || value === '') continue
    if (all[key] === value) filters[key] = ''
    else if (defaults[key] === false) filters[key] = value === '1'
    else filters[key] = defaults[key] === null ? Number(value) : String(value)
  }
  return filters
}

// Writes the filters' values (and the `all` words for emptied ones) to the route's
// query whenever they change, replacing the history entry.
export function keepInRoute(filters, all = {}) {
  const route = useRoute()
  const router = useRouter()
  const write = () => {
    const query = {}
    for (const [key, value] of Object.entries(filters)) {
      if (value === true) query[key] = '1'
      else if (value != null && value !== '' && value !== false) query[key] = String(value)
      else if (key in all) query[key] = all[key]
    }
    router.replace({ path: route.path, query })
  }
  watch(filters, write)
  write()
}
