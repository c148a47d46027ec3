// The list filters a link put in the route's query (统计指标 opens the records
// behind a figure this way), read once when a list page opens:
//   const filters = reactive(routeFilters(route.query, { area_id: null, section: '' }))
// Only the keys of `defaults` are read; a key whose default is null is a number.
export function routeFilters(query, defaults) {
  const filters = { ...defaults }
  for (const key of Object.keys(defaults)) {
    const value = query[key]
    if (value == null || value === '') continue
    filters[key] = defaults[key] === null ? Number(value) : String(value)
  }
  return filters
}
