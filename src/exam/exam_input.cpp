#include "exam/exam_input.h"

#include <unordered_map>

namespace edu::exam {
namespace {

using IndexOf = std::unordered_map<int64_t, int32_t>;

IndexOf index_units(const std::vector<NamedUnit>& named, std::vector<Unit>& units, const IndexOf* parents) {
  IndexOf index;
  for (const NamedUnit& n : named) {
    int32_t parent = -1;
    if (parents) {
      auto it = parents->find(n.parent_id);
      if (it != parents->end()) parent = it->second;
    }
    index[n.id] = static_cast<int32_t>(units.size());
    units.push_back({n.id, n.name, parent});
  }
  return index;
}

int32_t find_or(const IndexOf& index, int64_t id, int32_t otherwise) {
  auto it = index.find(id);
  return it == index.end() ? otherwise : it->second;
}

void fill_items(ExamInput& in, const ExamTables& t, const IndexOf& candidate) {
  in.items.resize(t.exam.subjects.size());
  std::vector<IndexOf> row_of(t.exam.subjects.size());
  for (size_t s = 0; s < t.exam.subjects.size(); ++s)
    for (const ItemRecord& item : t.exam.subjects[s].items) {
      in.items[s].items.push_back({item.label, item.full_marks, item.key});
      in.items[s].scores.emplace_back();
      in.items[s].responses.emplace_back();
    }
  for (const ItemScoreRecord& r : t.item_scores) {
    auto c = candidate.find(r.student_id);
    if (c == candidate.end() || r.subject >= static_cast<int>(in.items.size())) continue;
    ItemMatrix& m = in.items[r.subject];
    if (r.item >= static_cast<int>(m.items.size())) continue;
    if (in.cohort.subjects[r.subject].sitting[c->second] != Sitting::kSat) continue;
    auto [row, added] = row_of[r.subject].try_emplace(r.student_id, static_cast<int32_t>(m.rows()));
    if (added) {
      m.candidate.push_back(static_cast<uint32_t>(c->second));
      for (size_t i = 0; i < m.items.size(); ++i) {
        m.scores[i].push_back(0);
        m.responses[i].push_back(0);
      }
    }
    m.scores[r.item][row->second] = to_points(r.score);
    m.responses[r.item][row->second] = r.response.empty() ? 0 : r.response[0];
  }
}

}  // namespace

ExamInput build_input(const ExamTables& t) {
  ExamInput in;
  in.spec = spec_of(t.exam);
  in.units.county = t.county;
  const IndexOf townships = index_units(t.townships, in.units.townships, nullptr);
  const IndexOf schools = index_units(t.schools, in.units.schools, &townships);
  const IndexOf classes = index_units(t.classes, in.units.classes, &schools);
  const IndexOf teachers = index_units(t.teachers, in.units.teachers, nullptr);
  const size_t subjects = t.exam.subjects.size();
  in.units.teaching.assign(subjects, std::vector<int32_t>(in.units.classes.size(), -1));
  for (const TeachingRecord& r : t.teaching) {
    const int32_t k = find_or(classes, r.class_id, -1), teacher = find_or(teachers, r.teacher_id, -1);
    if (k >= 0 && r.subject < static_cast<int>(subjects)) in.units.teaching[r.subject][k] = teacher;
  }

  Cohort& c = in.cohort;
  IndexOf candidate;
  for (const RosterEntry& e : t.roster) {
    candidate[e.student_id] = static_cast<int32_t>(c.size());
    c.student_id.push_back(e.student_id);
    c.student_name.push_back(e.name);
    c.school.push_back(find_or(schools, e.school_id, 0));
    c.klass.push_back(find_or(classes, e.class_id, -1));
  }
  c.subjects.assign(subjects, Column{std::vector<Points>(c.size(), 0),
                                     std::vector<Sitting>(c.size(), Sitting::kAbsent)});
  for (const ScoreRecord& r : t.scores) {
    auto it = candidate.find(r.student_id);
    if (it == candidate.end() || r.subject >= static_cast<int>(subjects) || !r.score) continue;
    c.subjects[r.subject].points[it->second] = to_points(*r.score);
    c.subjects[r.subject].sitting[it->second] = Sitting::kSat;
  }
  for (size_t i = 0; i < t.roster.size(); ++i)
    if (t.roster[i].exempt)
      for (Column& col : c.subjects) col.sitting[i] = Sitting::kExempt, col.points[i] = 0;
  for (const ExemptionRecord& x : t.exemptions) {
    auto it = candidate.find(x.student_id);
    if (it == candidate.end() || x.subject.empty()) continue;
    for (size_t s = 0; s < subjects; ++s)
      if (t.exam.subjects[s].name == x.subject)
        c.subjects[s].sitting[it->second] = Sitting::kExempt, c.subjects[s].points[it->second] = 0;
  }
  fill_items(in, t, candidate);
  for (const RemarkRecord& r : t.remarks) {
    auto it = candidate.find(r.student_id);
    if (it != candidate.end())
      in.remarks.push_back({static_cast<uint32_t>(it->second), r.subject, r.self_score, r.central_score});
  }
  return in;
}

}  // namespace edu::exam
