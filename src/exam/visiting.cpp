#include "exam/visiting.h"

#include <map>
#include <set>
#include <unordered_map>

namespace edu::exam {

std::vector<IntegrityFlag> visiting_flags(const ExamTables& t, const ExamInput& in) {
  std::unordered_map<int64_t, size_t> candidate;
  for (size_t i = 0; i < t.roster.size(); ++i) candidate[t.roster[i].student_id] = i;
  std::unordered_map<int64_t, int32_t> school_index;
  for (size_t s = 0; s < in.units.schools.size(); ++s) school_index[in.units.schools[s].id] = static_cast<int32_t>(s);
  std::map<int64_t, std::set<size_t>> visitors;  // submitting school id → candidates
  for (const ScoreRecord& r : t.scores) {
    auto c = candidate.find(r.student_id);
    if (c != candidate.end() && t.roster[c->second].school_id != r.school_id) visitors[r.school_id].insert(c->second);
  }
  std::vector<IntegrityFlag> out;
  for (const auto& [school_id, list] : visitors) {
    auto at = school_index.find(school_id);
    std::string who;
    for (size_t i : list) {
      auto home = school_index.find(t.roster[i].school_id);
      who += (who.empty() ? "" : "、") + t.roster[i].name + "(学籍在" +
             (home != school_index.end() ? in.units.schools[home->second].name : "外校") + ")";
    }
    IntegrityFlag f{"visiting", at != school_index.end() ? at->second : -1, "", "", {}};
    const std::string name = at != school_index.end() ? in.units.schools[at->second].name : "学校#" + std::to_string(school_id);
    f.message = name + "上报了 " + std::to_string(list.size()) + " 名附读生的成绩:" + who +
                "。其成绩计入学籍所在学校;请核实学生实际就读学校,必要时办理转学手续。";
    f.evidence = {{"students", static_cast<double>(list.size())}};
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace edu::exam
