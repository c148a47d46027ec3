// Reference data: enumerations, grades, roles, the current school year and the area
// tree the user may see.
// Loaded once per session by load(); a record's form (GET /meta/forms/{kind}) by form(kind),
// once per kind.
import { defineStore } from 'pinia'
import { referenceApi } from '../api'

// The area tree as a flat list in tree order, names indented by depth.
function flattenAreas(nodes, depth = 0, out = []) {
  for (const a of nodes) {
    out.push({ id: a.id, name: a.name, label: '\u3000'.repeat(depth) + a.name })
    flattenAreas(a.children || [], depth + 1, out)
  }
  return out
}

export const useMetaStore = defineStore('meta', {
  state: () => ({
    enums: {},
    grades: [],
    roles: [],
    schoolYear: null,
    areas: [],
    auditActions: [],
    auditEntities: [],
    loading: null,
    forms: {}, // kind → the promise of its form
  }),
  getters: {
    values: (s) => (key) => s.enums[key]?.values ?? [],
    areaOptions: (s) => flattenAreas(s.areas),
    // The school years the registers hold history for (the current one and the two before).
    recentYears: (s) => (s.schoolYear ? [s.schoolYear, s.schoolYear - 1, s.schoolYear - 2] : []),
    // Grades of one section, or of all sections (one entry per grade number).
    gradeOptions: (s) => (section) => {
      const seen = new Set()
      return s.grades.filter((g) => {
        if (section) return g.section === section
        if (seen.has(g.grade)) return false
        seen.add(g.grade)
        return true
      })
    },
  },
  actions: {
    form(kind) {
      this.forms[kind] ??= referenceApi.form(kind).catch((e) => {
        delete this.forms[kind]
        throw e
      })
      return this.forms[kind]
    },
    load() {
      this.loading ??= Promise.all([referenceApi.enums(), referenceApi.areas()])
        .then(([meta, areas]) => {
          this.enums = meta.enums
          this.grades = meta.grades
          this.roles = meta.roles
          this.auditActions = meta.audit_actions
          this.auditEntities = meta.audit_entities
          this.schoolYear = meta.school_year
          this.areas = areas
        })
        .catch((e) => {
          this.loading = null
          throw e
        })
      return this.loading
    },
  },
})
