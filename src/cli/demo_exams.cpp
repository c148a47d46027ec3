#include "cli/demo_exams.h"

#include "demo/exam_generator.h"
#include "store/exam_store.h"

namespace edu {

Status create_demo_exams(Database& db, const demo::DemoCounty& county, const demo::DemoSettings& settings,
                         std::ostream& out) {
  demo::DemoExams exams = demo::generate_exams(county, settings);
  if (exams.exams.empty()) return Status::Ok();  // a county too small for a unified exam
  std::optional<int64_t> previous;
  for (exam::ExamBundle& b : exams.exams) {
    b.exam.previous_exam_id = previous;
    auto id = save_exam_bundle(db, b);
    if (!id.ok()) return id.status();
    previous = *id;
    out << "  考试 " << *id << ":" << b.exam.name << "(" << b.exam.date.iso() << ",成绩 " << b.scores.size()
        << " 条)\n";
  }
  auto name = [&](int64_t school) {
    for (const School& s : county.schools)
      if (s.id == school) return s.name;
    return std::string();
  };
  out << "  预置问题(供质量监测诚信报告发现):" << name(exams.left_out_school) << " 未让低分学生参考;"
      << name(exams.inflated_school) << " 自评分偏松;" << name(exams.copier_school) << " 有 "
      << exams.copied_pairs.size() << " 对学生英语选择题雷同\n";
  return Status::Ok();
}

}  // namespace edu
