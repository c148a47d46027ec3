// Figures of 质量监测 as shown: a figure without data (null: nobody counted, or no scores
// imported) is "—", never 0.
export const fixed = (v, d) => (v == null ? '—' : Number(v).toFixed(d))
export const marks = (v) => (v == null ? '—' : v)
export const pct = (v) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`)
