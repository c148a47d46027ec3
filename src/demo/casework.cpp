#include "demo/casework.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>

#include "store/school_store.h"
#include "store/school_year_store.h"
#include "store/student_store.h"
#include "workflow/case_attachments.h"
#include "workflow/case_engine.h"

namespace edu::demo {
namespace {

Date days_before(const Date& today, int n) {
  using namespace std::chrono;
  sys_days d = year_month_day{year{today.year}, month{static_cast<unsigned>(today.month)},
                              day{static_cast<unsigned>(today.day)}};
  year_month_day back{d - days{n}};
  return {static_cast<int>(back.year()), static_cast<int>(static_cast<unsigned>(back.month())),
          static_cast<int>(static_cast<unsigned>(back.day()))};
}

// A small valid one-page PDF (what a school scans as 证明材料), its text
// ASCII: the demo's evidence files.
std::string demo_pdf(const std::string& line) {
  const std::string text = "BT /F1 16 Tf 72 760 Td (" + line + ") Tj ET";
  const std::vector<std::string> objects = {
      "<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[3 0 R]/Count 1>>",
      "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>",
      "<</Length " + std::to_string(text.size()) + ">>\nstream\n" + text + "\nendstream",
      "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"};
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t i = 0; i < objects.size(); ++i) {
    char offset[24];
    std::snprintf(offset, sizeof offset, "%010zu 00000 n \n", pdf.size());
    xref += offset;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t start = pdf.size();
  return pdf + xref + "trailer\n<</Size " + std::to_string(objects.size() + 1) + "/Root 1 0 R>>\nstartxref\n" +
         std::to_string(start) + "\n%%EOF\n";
}

class Casework {
 public:
  Casework(Database& db, const Date& today) : db_(db), today_(today) {}

  Status write() {
    SchoolFilter filter;
    filter.kind = "小学";
    auto year = current_school_year(db_);
    if (!year.ok()) return year.status();
    auto schools = list_schools(db_, Scope::All(), filter, {1, 2}, *year);
    if (!schools.ok()) return schools.status();
    if (schools->items.size() < 2) return Status::Ok();  // a county too small for casework
    const School& a = schools->items[0].school;
    const School& b = schools->items[1].school;
    sender_ = demo_actor(role::kSchoolAdmin, a.id, a.name);
    receiver_ = demo_actor(role::kSchoolAdmin, b.id, b.name);
    bureau_ = demo_actor(role::kBureauAdmin, std::nullopt, "教育局");
    auto classes = list_classes(db_, b.id, *year);
    if (!classes.ok()) return classes.status();
    auto third = std::find_if(classes->begin(), classes->end(),
                              [](const ClassView& k) { return k.klass.section == "小学" && k.klass.grade == 3; });
    if (third == classes->end()) return Status::Ok();
    const std::string b_class = std::to_string(third->klass.id);  // the pupils' own grade
    StudentFilter in_a;
    in_a.school_id = a.id;
    in_a.status = "在读";
    in_a.school_year = *year;
    in_a.grade = 3;  // no graduating grade: 休学 is allowed all year
    auto students = list_students(db_, Scope::All(), in_a, {1, 10});
    if (!students.ok()) return students.status();
    if (students->items.size() < 8) return Status::Ok();
    for (const StudentView& v : students->items) pupils_.push_back(v.student);

    const std::map<std::string, std::string> transfer = {
        {"target_school_id", std::to_string(b.id)}, {"reason", "随父母迁居"}};
    Status s = transfer_case(transfer, 60, {{"accept", &receiver_, {{"class_id", b_class}}, ""},
                                            {"approve", &bureau_, {}, ""}});
    if (s.ok()) s = transfer_case(transfer, 45, {{"refuse_receive", &receiver_, {{"reason", "本校该年级学位已满"}}, ""}});
    if (s.ok())
      s = transfer_case(transfer, 40, {{"accept", &receiver_, {{"class_id", b_class}}, ""},
                                       {"refuse", &bureau_, {{"reason", "户籍与居住地均不在转入学校学区"}}, ""}});
    if (s.ok()) s = transfer_case(transfer, 20, {});  // never answered: expires below
    if (s.ok()) {
      const Student& p = next();
      s = open(receiver_, "transfer", "request",
               {{"id_number", p.id_number}, {"class_id", b_class}, {"reason", "家长在本校附近购房"}}, 2)
              .status();
    }
    if (s.ok())
      s = act_after(open(sender_, "suspend", "", suspension(), 30),
                    {{"approve", &bureau_, {}, "病假证明齐全"}});
    if (s.ok()) s = open(sender_, "suspend", "", suspension(), 12).status();  // overdue at the bureau
    if (s.ok())
      s = act_after(open(sender_, "dropout_report", "",
                         {{"reason", "连续四周无故缺课,多次家访未返校"}, {"evidence", "家访记录三份"}}, 25),
                    {{"approve", &bureau_, {}, "转乡镇控辍保学"}});
    if (!s.ok()) return s;
    return sweep_expired(db_, today_).status();
  }

 private:
  struct Step {
    std::string action;
    const Actor* actor;
    std::map<std::string, std::string> fields;
    std::string comment;
  };

  const Student& next() { return pupils_.at(used_++); }

  std::map<std::string, std::string> suspension() const {
    return {{"reason", "因病住院治疗"}, {"evidence", "县人民医院诊断证明"}};
  }

  // Opens a case `days_ago` for the next student (a field of its opening
  // names them), its date that day. Its 证明材料 (the evidence named) is
  // uploaded first as a PDF by that name.
  Result<int64_t> open(const Actor& actor, const std::string& kind, const std::string& opening,
                       std::map<std::string, std::string> fields, int days_ago) {
    const Date on = days_before(today_, days_ago);
    if (fields.count("evidence")) {
      auto file = upload_case_attachment(db_, actor, fields["evidence"] + ".pdf",
                                         demo_pdf("EduBureau demo evidence, " + kind + ", " + on.iso()));
      if (!file.ok()) return file.status();
      fields["evidence"] = std::to_string(file->id);
    }
    fields["date"] = on.iso();
    if (!fields.count("id_number")) fields["student_id"] = std::to_string(next().id);
    if (kind == "suspend") fields["until"] = Date{on.year + 1, on.month, 1}.iso();
    return open_case(db_, actor, kind, opening, {fields, ""}, on);
  }

  Status act_after(Result<int64_t> opened, const std::vector<Step>& steps) {
    if (!opened.ok()) return opened.status();
    for (const Step& st : steps) {
      Status s = take_action(db_, *st.actor, *opened, st.action, {st.fields, st.comment}, today_);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status transfer_case(const std::map<std::string, std::string>& fields, int days_ago, const std::vector<Step>& steps) {
    return act_after(open(sender_, "transfer", "apply", fields, days_ago), steps);
  }

  Database& db_;
  Date today_;
  Actor sender_, receiver_, bureau_;
  std::vector<Student> pupils_;
  size_t used_ = 0;
};

}  // namespace

Actor demo_actor(const std::string& role_name, std::optional<int64_t> school_id, const std::string& name) {
  Actor a;
  a.user.username = "演示:" + name;
  a.user.display_name = a.user.username;
  a.user.role = role_name;
  a.user.school_id = school_id;
  a.user.active = true;
  a.scope = school_id ? Scope::School(*school_id) : Scope::All();
  return a;
}

Status write_demo_casework(Database& db, const Date& today) { return Casework(db, today).write(); }


}  // namespace edu::demo
