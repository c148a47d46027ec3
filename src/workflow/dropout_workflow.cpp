// 控辍保学 (DOMAIN.md, "The school year and the register's life"): one case per
// school-age child who should be in school and is not, declared as data for
// the case engine (workflow/case_engine.h).
//
//   登记 (the school or the township; or the daily sweep, as 系统)
//     → 待核实认定: the township checks the child and names the 包保责任人
//       (a school leader, the head teacher, a village cadre: names and phones)
//       and the first visit's date, or finds the report untrue (不予认定);
//     → 劝返中: each visit (date, who went, what was said, next step, next
//       visit date) is a log entry and keeps the case 劝返中; the next visit
//       date is its due date; an overdue visit escalates to the bureau.
//     → 已办结 only with a recorded outcome, one action each: 返校复学 (into a
//       class of the current year: the student is 在读 there, same
//       transaction), 送教上门, 转入特教/其他学校 (verified, the school named),
//       外出就读 (verified, the school named), 其他 (with evidence).
// The outcome of a closed case is the key of the action that closed it
// (workflow/dropout_report.h reads it from the log).
#include "workflow/workflow_spec.h"

namespace edu {

WorkflowSpec dropout_workflow() {
  const std::string checking = "待核实认定", visiting = "劝返中", closed = "已办结", dismissed = "不予认定";
  const FieldSpec date{"date", "办结日期", "date"};
  const FieldSpec verified{"verified_by", "核实情况(核实人、方式)", "text"};
  ActionSpec report = action_spec("report", "登记失学辍学儿童", {}, checking, Party::kSchoolOrTownship,
                             {{"student_id", "学生", "child"},
                              {"reason", "失学辍学原因", "text"},
                              {"date", "发现日期", "date"}});
  ActionSpec assign = action_spec("assign", "认定并落实包保责任人", {checking}, visiting, Party::kTownship,
                             {{"leader_name", "包保校领导", "text"},
                              {"leader_phone", "校领导电话", "text"},
                              {"teacher_name", "包保班主任", "text"},
                              {"teacher_phone", "班主任电话", "text"},
                              {"cadre_name", "包保村(社区)干部", "text"},
                              {"cadre_phone", "村(社区)干部电话", "text"},
                              {"next_visit_on", "首次家访日期", "date"}});
  assign.due_field = "next_visit_on";
  ActionSpec visit = action_spec("visit", "记录家访劝返", {visiting}, visiting, Party::kSchoolOrTownship,
                            {{"visit_date", "家访日期", "date"},
                             {"visitors", "走访人员", "text"},
                             {"talk", "谈话内容及结果", "text"},
                             {"next_step", "下一步措施", "text"},
                             {"next_visit_on", "下次家访日期", "date"}});
  visit.due_field = "next_visit_on";
  ActionSpec returned = action_spec("close_returned", "返校复学", {visiting}, closed, Party::kSchoolOrTownship,
                               {{"class_id", "复学班级", "year_class"}, {"date", "返校日期", "date"}});
  returned.effect = Effect::kReturnToSchool;
  return {"dropout",
          "控辍保学",
          {{checking, false, Party::kTownship, 7},
           {visiting, false, Party::kTownship, 0, "", true},
           {closed, true},
           {dismissed, true}},
          {report,
           assign,
           action_spec("dismiss", "核实不属实", {checking}, dismissed, Party::kTownship,
                  {{"reason", "核实情况", "text"}}),
           visit,
           returned,
           action_spec("close_home_teaching", "送教上门", {visiting}, closed, Party::kSchoolOrTownship,
                  {{"teachers", "送教教师", "text"}, {"plan", "送教安排(每周次数、内容)", "text"}, date}),
           action_spec("close_transferred", "转入特教/其他学校", {visiting}, closed, Party::kSchoolOrTownship,
                  {{"dest_school", "转入学校名称", "text"}, verified, date}),
           action_spec("close_elsewhere", "外出就读", {visiting}, closed, Party::kSchoolOrTownship,
                  {{"dest_school", "就读学校名称", "text"},
                   {"dest_place", "就读地(省、市、县)", "text"},
                   verified,
                   date}),
           action_spec("close_other", "其他情况办结", {visiting}, closed, Party::kSchoolOrTownship,
                  {{"evidence", "情况说明及佐证", "text"}, date})}};
}

}  // namespace edu
