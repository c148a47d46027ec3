// ECharts options the views share (drawn by ChartPanel).

// Counts of people (人) per category along the x axis, one series each ({name, type, data, …});
// the labels turn once more than `rotateAfter` categories would crowd the axis.
export function peopleByCategory(categories, series, rotateAfter = 6) {
  return {
    tooltip: { trigger: 'axis' },
    legend: {},
    grid: { left: 40, right: 16, bottom: 40, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > rotateAfter ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '人' },
    series,
  }
}
