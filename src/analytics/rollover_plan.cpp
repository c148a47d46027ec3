#include "analytics/rollover_plan.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/enums.h"

namespace edu::rollover {
namespace {

using ClassKey = std::tuple<int64_t, std::string, int, int>;  // school, section, grade, 班号

// Why `c` cannot roll over at `school`, or "" when it can.
std::string class_problem(const ClassRow& c, const SchoolRow* school) {
  auto taught = school ? sections_of_kind(school->kind) : std::vector<std::string>{};
  if (std::find(taught.begin(), taught.end(), c.section) == taught.end())
    return "no_next_grade";
  if (!grade_in_section(c.section, c.grade)) return "no_successor";
  return "";
}

class Planner {
 public:
  explicit Planner(const Input& in) : in_(in) {
    plan_.from_year = in.from_year;
    plan_.to_year = in.from_year + 1;
    plan_.total.school_name = "全县";
    for (size_t i = 0; i < in.schools.size(); ++i) {
      school_index_[in.schools[i].id] = i;
      plan_.schools.push_back({in.schools[i].id, in.schools[i].name});
    }
    for (size_t i = 0; i < in.classes.size(); ++i) class_index_[in.classes[i].id] = i;
  }

  Plan run() {
    std::vector<std::string> class_problems(in_.classes.size());
    for (size_t i = 0; i < in_.classes.size(); ++i) {
      const ClassRow& c = in_.classes[i];
      class_problems[i] = class_problem(c, school(c.school_id));
      if (class_problems[i].empty() && grade_in_section(c.section, c.grade + 1))
        open({c.school_id, c.section, c.grade + 1, c.class_no}, c.head_teacher_id);
    }
    std::vector<int> left(in_.classes.size());
    for (const StudentRow& st : in_.students) {
      auto found = st.class_id ? class_index_.find(*st.class_id) : class_index_.end();
      if (found == class_index_.end()) {
        add_problem(st.school_id, "no_class",
                    "学生“" + st.name + "”(" + st.status + ")没有 " + std::to_string(in_.from_year) +
                        " 学年的班级,未升级;请先为其编班");
        continue;
      }
      const ClassRow& c = in_.classes[found->second];
      if (!class_problems[found->second].empty()) {
        ++left[found->second];
      } else if (st.status == "休学") {
        place(st, open({c.school_id, c.section, c.grade, c.class_no}, std::nullopt), c.grade);
        ++summary(st.school_id).kept;
      } else if (!grade_in_section(c.section, c.grade + 1)) {
        plan_.graduates.push_back(st.id);
        ++summary(st.school_id).graduates;
      } else {
        place(st, open({c.school_id, c.section, c.grade + 1, c.class_no}, c.head_teacher_id),
              c.grade + 1);
        ++summary(st.school_id).students_moved;
      }
    }
    for (size_t i = 0; i < in_.classes.size(); ++i)
      if (!class_problems[i].empty()) add_class_problem(in_.classes[i], class_problems[i], left[i]);
    for (const SchoolSummary& s : plan_.schools) {
      plan_.total.classes_opened += s.classes_opened;
      plan_.total.students_moved += s.students_moved;
      plan_.total.graduates += s.graduates;
      plan_.total.kept += s.kept;
      plan_.total.problems += s.problems;
    }
    return std::move(plan_);
  }

 private:
  const SchoolRow* school(int64_t id) const {
    auto it = school_index_.find(id);
    return it == school_index_.end() ? nullptr : &in_.schools[it->second];
  }

  SchoolSummary& summary(int64_t school_id) {
    auto it = school_index_.find(school_id);
    if (it != school_index_.end()) return plan_.schools[it->second];
    school_index_[school_id] = plan_.schools.size();  // a school missing from the input
    plan_.schools.push_back({school_id, "学校 " + std::to_string(school_id)});
    return plan_.schools.back();
  }

  // The new year's class `key`, opened on first use.
  size_t open(const ClassKey& key, std::optional<int64_t> head_teacher_id) {
    auto [it, added] = opened_.try_emplace(key, plan_.classes.size());
    if (added) {
      const auto& [school_id, section, grade, class_no] = key;
      plan_.classes.push_back({0, school_id, section, grade, class_no,
                               class_label(section, grade, class_no), head_teacher_id});
      ++summary(school_id).classes_opened;
    }
    return it->second;
  }

  void place(const StudentRow& st, size_t new_class, int grade) {
    plan_.placements.push_back({st.id, st.school_id, new_class, grade, st.status});
  }

  void add_problem(int64_t school_id, std::string kind, std::string message) {
    plan_.problems.push_back({school_id, std::move(kind), std::move(message)});
    ++summary(school_id).problems;
  }

  void add_class_problem(const ClassRow& c, const std::string& kind, int students) {
    const SchoolRow* s = school(c.school_id);
    std::string why = kind == "no_next_grade"
                          ? "学校类别“" + (s ? s->kind : std::string("未知")) + "”不设“" + c.section +
                                "”学段,没有下一年级"
                          : "年级 " + std::to_string(c.grade) + " 不属于“" + c.section +
                                "”学段,没有后继班级";
    add_problem(c.school_id, kind,
                "班级“" + c.name + "”:" + why + ";该班 " + std::to_string(students) +
                    " 名学生保持不变,请先更正班级");
  }

  const Input& in_;
  Plan plan_;
  std::unordered_map<int64_t, size_t> school_index_, class_index_;
  std::map<ClassKey, size_t> opened_;
};

}  // namespace

Plan plan_rollover(const Input& input) { return Planner(input).run(); }

}  // namespace edu::rollover
