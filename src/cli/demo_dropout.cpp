#include "cli/demo_dropout.h"

#include "cli/command_support.h"
#include "store/dropout_store.h"
#include "store/student_store.h"
#include "workflow/case_engine.h"
#include "workflow/dropout_sweep.h"

namespace edu {
namespace {

struct Step {
  const char* action;
  std::map<std::string, std::string> fields;
  Date on;
};

ActionInput input(const std::map<std::string, std::string>& fields) { return {fields, ""}; }

// For a 辍学 child, a class of their school this year in the grade of their
// last enrolment (where they left off); 0 for any other child or none.
Result<int64_t> class_for(Database& db, int64_t student_id, int year) {
  auto rows = db.query(
      "SELECT k.id FROM students st JOIN classes k ON k.school_id = st.school_id AND k.school_year = ? "
      "WHERE st.id = ? AND st.status = '辍学' AND k.grade = (SELECT e.grade FROM enrolments e WHERE "
      "e.student_id = st.id ORDER BY e.school_year DESC LIMIT 1) ORDER BY k.class_no LIMIT 1",
      {int64_t{year}, student_id});
  if (!rows.ok()) return rows.status();
  return rows->empty() ? int64_t{0} : rows->front().integer(0);
}

}  // namespace

Status create_demo_dropout_cases(Database& db, int y) {
  auto swept = sweep_dropouts(db, Date{y, 9, 15});
  if (!swept.ok()) return swept.status();
  auto officer = actor_named(db, "officer");
  if (!officer.ok()) return officer.status();
  auto cases = load_dropout_cases(db, "dropout", officer->scope);
  if (!cases.ok()) return cases.status();
  const std::map<std::string, std::string> assign = {
      {"leader_name", "刘副校长"}, {"leader_phone", "13907390001"}, {"teacher_name", "班主任陈老师"},
      {"teacher_phone", "13907390002"}, {"cadre_name", "村支书王建国"}, {"cadre_phone", "13907390003"},
      {"next_visit_on", Date{y, 9, 25}.iso()}};
  auto visit = [&](int month, int day, const char* talk, Date next) {
    return Step{"visit",
                {{"visit_date", Date{y, month, day}.iso()}, {"visitors", "班主任陈老师、村支书王建国"},
                 {"talk", talk}, {"next_step", "继续做家长工作"}, {"next_visit_on", next.iso()}},
                Date{y, month, day}};
  };
  for (size_t i = 0; i < cases->size() && i < 9; ++i) {
    const CaseRecord& c = (*cases)[i].view.record;
    std::vector<Step> steps = {{"assign", assign, Date{y, 9, 20}},
                               visit(9, 25, "家长在外务工,孩子由祖父母照看,厌学情绪明显", Date{y, 10, 15})};
    if (i < 3) {
      auto klass = class_for(db, c.student_id, y);
      if (!klass.ok()) return klass.status();
      steps.push_back(visit(10, 15, "孩子同意返校,学校安排学业帮扶", Date{y, 10, 30}));
      if (*klass)
        steps.push_back({"close_returned", {{"class_id", std::to_string(*klass)}, {"date", Date{y, 10, 20}.iso()}},
                         Date{y, 10, 20}});
    } else if (i == 3) {
      steps.back() = visit(10, 18, "家中无人,电话未接通", Date{y, 11, 1});  // overdue since 11月1日
    } else if (i == 4) {
      steps.push_back({"close_elsewhere",
                       {{"dest_school", "东莞市长安镇实验学校"}, {"dest_place", "广东省东莞市"},
                        {"verified_by", "电话联系就读学校教务处核实,取得在读证明"}, {"date", Date{y, 10, 12}.iso()}},
                       Date{y, 10, 12}});
    } else if (i == 5) {
      steps.push_back({"close_home_teaching",
                       {{"teachers", "特教巡回教师李老师"}, {"plan", "每周上门两次,生活适应与语文数学"},
                        {"date", Date{y, 10, 8}.iso()}},
                       Date{y, 10, 8}});
    } else {
      steps.push_back(visit(11, 10, "家长答应春节后带孩子返校", Date{y + 1, 1, 10}));
    }
    for (const Step& s : steps) {
      Status done = take_action(db, *officer, c.id, s.action, input(s.fields), s.on);
      if (!done.ok()) return done;
    }
  }
  return Status::Ok();
}

}  // namespace edu
