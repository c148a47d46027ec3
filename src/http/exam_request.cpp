#include "http/exam_request.h"

#include "http/json_input.h"

namespace edu {
namespace {

using Json = nlohmann::json;
using namespace edu::exam;

Status bad(const std::string& field, const std::string& message) {
  return Status::Error("validation", message, field);
}

double number_or(const Json& j, const char* key, double fallback, bool& ok) {
  if (!j.contains(key) || j[key].is_null()) return fallback;
  if (!j[key].is_number()) ok = false;
  return ok ? j[key].get<double>() : fallback;
}

Result<SubjectRecord> subject_from_json(const Json& j, size_t index) {
  const std::string where = "subjects[" + std::to_string(index) + "]";
  if (!j.is_object()) return bad("subjects", where + " 须为对象且含科目名称 name");
  FieldReader names(j);  // the text rule (core/text_field.h) for the subject's name
  SubjectRecord s{names.text("name"), 100, {}, {}};
  if (!names.status().ok()) return names.status();
  bool ok = true;
  s.full_marks = number_or(j, "full_marks", 100, ok);
  if (j.contains("cuts") && j["cuts"].is_object()) {
    s.cuts.excellent = number_or(j["cuts"], "excellent", s.cuts.excellent, ok);
    s.cuts.pass = number_or(j["cuts"], "pass", s.cuts.pass, ok);
    s.cuts.low = number_or(j["cuts"], "low", s.cuts.low, ok);
  }
  if (j.contains("items") && j["items"].is_array())
    for (const Json& item : j["items"]) {
      if (!item.is_object()) ok = false;
      if (!ok) break;
      FieldReader texts(item);  // the item's label and answer key, by the text rule
      std::string label = texts.text("label"), key = texts.text("key", false);
      if (!texts.status().ok()) return texts.status();
      s.items.push_back({label, number_or(item, "full_marks", 1, ok), key});
    }
  if (!ok) return bad("subjects", "科目“" + s.name + "”的满分、分数线或小题须为数字");
  return s;
}

}  // namespace

Result<ExamRecord> exam_from_json(const Json& body) {
  FieldReader f(body);
  ExamRecord e;
  e.name = f.text("name");
  e.date = f.date("date");
  e.grade = static_cast<int>(f.integer("grade"));
  e.school_year = static_cast<int>(f.optional_integer("school_year").value_or(0));
  e.previous_exam_id = f.optional_integer("previous_exam_id");
  const std::string policy = f.text("absent_policy", false);
  if (!f.status().ok()) return f.status();
  if (policy == "exclude") e.absent_policy = AbsentPolicy::kExclude;
  else if (!policy.empty() && policy != "zero") return bad("absent_policy", "缺考处理须为 zero(计0分)或 exclude(不计入)");
  if (body.contains("weights") && body["weights"].is_object()) {
    bool ok = true;
    const Json& w = body["weights"];
    e.weights = {number_or(w, "mean", e.weights.mean, ok), number_or(w, "excellent", e.weights.excellent, ok),
                 number_or(w, "pass", e.weights.pass, ok), number_or(w, "low", e.weights.low, ok)};
    if (!ok) return bad("weights", "综合得分权重须为数字");
  }
  if (!body.contains("subjects") || !body["subjects"].is_array()) return bad("subjects", "缺少科目列表 subjects");
  for (size_t i = 0; i < body["subjects"].size(); ++i) {
    auto s = subject_from_json(body["subjects"][i], i);
    if (!s.ok()) return s.status();
    e.subjects.push_back(std::move(*s));
  }
  return e;
}

Result<std::vector<RewardRule>> rules_from_json(const Json& body) {
  if (!body.contains("rules") || !body["rules"].is_array()) return bad("rules", "缺少奖励规则列表 rules");
  std::vector<RewardRule> out;
  for (const Json& j : body["rules"]) {
    if (!j.is_object()) return bad("rules", "每条奖励规则须为对象");
    FieldReader f(j);
    RewardRule r;
    r.name = f.text("name");
    const std::string kind = f.text("kind"), level = f.text("level", false);
    r.subject = f.text("subject", false);
    r.indicator = f.text("indicator", false);
    if (!f.status().ok()) return f.status();
    if (!parse_reward_kind(kind, r.kind)) return bad("kind", "规则类型须为 rank_band、improvement 或 threshold");
    if (!level.empty() && !parse_level(level, r.level)) return bad("level", "层级须为 school 或 teacher");
    if (r.subject.empty()) r.subject = "总分";
    bool ok = true;
    r.rank_from = static_cast<int>(number_or(j, "rank_from", 1, ok));
    r.rank_to = static_cast<int>(number_or(j, "rank_to", r.rank_from, ok));
    r.threshold = number_or(j, "threshold", 0, ok);
    r.points = number_or(j, "points", 0, ok);
    r.min_participation = number_or(j, "min_participation", 0, ok);
    if (!ok) return bad("rules", "奖励规则“" + r.name + "”的数值字段须为数字");
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace edu
