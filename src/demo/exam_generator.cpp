#include "demo/exam_generator.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

#include "demo/rng.h"
#include "exam/teaching.h"

namespace edu::demo {
namespace {

using namespace edu::exam;

constexpr int kObjectiveItems = 30;
constexpr double kObjectiveMarks = 2, kWrittenMarks = 15;
constexpr int kEnglish = 2;

double normal(Rng& rng) {
  const double u1 = 1.0 - rng.unit(), u2 = rng.unit();
  return std::sqrt(-2 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

double half_points(double marks, double full) { return std::clamp(std::round(marks * 2) / 2, 0.0, full); }

std::vector<SubjectRecord> subjects() {
  SubjectRecord english{"英语", 120, {}, {}};
  for (int q = 0; q < kObjectiveItems; ++q)
    english.items.push_back({std::to_string(q + 1), kObjectiveMarks, std::string(1, "ABCD"[(q * 7 + 3) % 4])});
  for (int q = 0; q < 4; ++q) english.items.push_back({"书面" + std::to_string(q + 1), kWrittenMarks, ""});
  return {{"语文", 120, {}, {}}, {"数学", 120, {}, {}}, english, {"物理", 100, {}, {}}};
}

// Latent abilities: the student's, the school's and the class's effects.
struct Abilities {
  std::unordered_map<int64_t, double> student, school, klass, school_growth;
  double of(const Enrolment& e) const {
    return student.at(e.student_id) + school.at(e.school_id) + klass.at(e.class_id);
  }
};

double effect(std::unordered_map<int64_t, double>& map, int64_t id, uint64_t salt, double sd) {
  auto it = map.find(id);
  if (it != map.end()) return it->second;
  Rng rng(salt ^ (static_cast<uint64_t>(id) * 0x9E3779B97F4A7C15ull));
  return map[id] = sd * normal(rng);
}

struct Generator {
  const DemoCounty& county;
  const DemoSettings& settings;
  Abilities abilities;
  DemoExams out;

  std::vector<const Enrolment*> roster(int school_year, int grade) const {
    std::vector<const Enrolment*> r;
    for (const Enrolment& e : county.enrolments)
      if (e.school_year == school_year && e.grade == grade && (e.status == "在读" || e.status == "毕业"))
        r.push_back(&e);
    return r;
  }

  // The three planted schools: the largest 九年级 cohorts after the first.
  bool pick_schools(const std::vector<const Enrolment*>& later) {
    std::map<int64_t, int> size;
    for (const Enrolment* e : later) ++size[e->school_id];
    std::vector<std::pair<int, int64_t>> by_size;
    for (auto [school, n] : size) by_size.push_back({-n, school});
    std::sort(by_size.begin(), by_size.end());
    if (by_size.size() < 4) return false;
    out.left_out_school = by_size[1].second;
    out.inflated_school = by_size[2].second;
    out.copier_school = by_size[3].second;
    return true;
  }

  std::vector<TeachingRecord> teaching(const std::vector<const Enrolment*>& roster,
                                       const std::vector<SubjectRecord>& subs) const {
    std::map<int64_t, int64_t> class_school;
    for (const Enrolment* e : roster) class_school[e->class_id] = e->school_id;
    std::vector<UnitRef> classes;
    for (auto [klass, school] : class_school) classes.push_back({klass, school});
    std::vector<TeachingRecord> out_rows;
    for (size_t s = 0; s < subs.size(); ++s) {
      std::vector<UnitRef> teachers;
      for (const Teacher& t : county.teachers)
        if (t.subject == subs[s].name) teachers.push_back({t.id, t.school_id});
      for (TeachingRecord& r : share_teachers(static_cast<int>(s), classes, teachers)) out_rows.push_back(r);
    }
    return out_rows;
  }

  // English item responses and scores for one student of ability `a`.
  void english_items(ExamBundle& b, int64_t student, double a, Rng& rng, double lenient) {
    const auto& items = b.exam.subjects[kEnglish].items;
    for (int q = 0; q < static_cast<int>(items.size()); ++q) {
      ItemScoreRecord r{student, kEnglish, q, 0, ""};
      if (q < kObjectiveItems) {
        const double difficulty = -1.6 + 3.2 * q / (kObjectiveItems - 1);
        const bool right = rng.chance(1 / (1 + std::exp(-1.7 * (a - difficulty))));
        const char key = items[q].key[0];
        char option = key;
        if (!right) {  // distractors in order of popularity: key+1, key+2, key+3
          const int k = rng.weighted<int>({{1, 0.55}, {2, 0.3}, {3, 0.15}});
          option = static_cast<char>('A' + (key - 'A' + k) % 4);
        }
        r.response = std::string(1, option);
        r.score = right ? kObjectiveMarks : 0;
      } else {
        const double share = std::clamp(0.62 + 0.18 * (a + 0.5 * normal(rng)), 0.0, 1.0);
        r.score = half_points(share * kWrittenMarks + lenient / 4, kWrittenMarks);
      }
      b.item_scores.push_back(std::move(r));
    }
  }

  double subject_score(const SubjectRecord& s, double a, Rng& rng) const {
    return half_points(s.full_marks * (0.60 + 0.16 * (a + 0.45 * normal(rng))), s.full_marks);
  }

  ExamBundle exam(const std::string& name, Date date, int school_year, int grade, bool later) {
    ExamBundle b;
    b.exam.name = name;
    b.exam.date = date;
    b.exam.school_year = school_year;
    b.exam.grade = grade;
    b.exam.subjects = subjects();
    const auto students = roster(school_year, grade);
    b.teaching = teaching(students, b.exam.subjects);
    std::unordered_map<int64_t, const Student*> by_id;
    for (const Student& s : county.students) by_id[s.id] = &s;

    std::map<int64_t, std::vector<double>> school_abilities;
    for (const Enrolment* e : students) {
      effect(abilities.student, e->student_id, settings.seed, 1.0);
      effect(abilities.school, e->school_id, settings.seed * 3, 0.35);
      effect(abilities.klass, e->class_id, settings.seed * 5, 0.15);
      school_abilities[e->school_id].push_back(abilities.of(*e));
    }
    double left_out_cut = -1e9;
    if (later) {
      auto& v = school_abilities[out.left_out_school];
      std::sort(v.begin(), v.end());
      if (!v.empty()) left_out_cut = v[v.size() / 5];
    }
    int visitors = 0;
    for (const Enrolment* e : students) {
      const int64_t id = e->student_id;
      Rng rng(settings.seed ^ (static_cast<uint64_t>(id) << 8) ^ (later ? 0xA5A5u : 0x5A5Au));
      if (by_id.at(id)->disabled) {
        b.exemptions.push_back({0, id, "", "随班就读残疾学生,经教育局审批免考", kExemptionApproved});
        continue;
      }
      double a = abilities.of(*e);
      if (later) a = 0.9 * a + 0.35 * normal(rng) + effect(abilities.school_growth, e->school_id, settings.seed * 7, 0.25);
      if (later && e->school_id == out.left_out_school && a < left_out_cut) continue;  // left out
      int64_t sitting_school = e->school_id;
      if (later && visitors < 2 && e->school_id != out.left_out_school && e->school_id != out.inflated_school &&
          e->school_id != out.copier_school && rng.chance(0.01)) {
        sitting_school = out.copier_school;  // 附读: sits at another school
        ++visitors;
      }
      const double lenient = later && e->school_id == out.inflated_school ? rng.uniform(4, 8) : 0;
      for (int s = 0; s < static_cast<int>(b.exam.subjects.size()); ++s) {
        const SubjectRecord& subject = b.exam.subjects[s];
        if (rng.chance(0.004)) {  // ill on the day
          b.scores.push_back({id, sitting_school, s, std::nullopt});
          continue;
        }
        double score = 0;
        if (s == kEnglish) {
          const size_t first = b.item_scores.size();
          english_items(b, id, a, rng, lenient);
          for (size_t k = first; k < b.item_scores.size(); ++k) score += b.item_scores[k].score;
        } else {
          const double honest = subject_score(subject, a, rng);
          score = half_points(honest + lenient, subject.full_marks);
          const double pass = subject.cuts.pass * subject.full_marks;
          if (lenient > 0 && score < pass && score >= pass - 6) score = pass;
          if (later) remark(b, id, s, e->school_id, honest, score, rng);
        }
        b.scores.push_back({id, sitting_school, s, score});
      }
    }
    if (later) plant_copies(b, students);
    return b;
  }

  // Every school's papers are re-marked centrally at a rate of about one in six.
  void remark(ExamBundle& b, int64_t id, int subject, int64_t school, double honest, double self, Rng& rng) {
    if (!rng.chance(1.0 / 6)) return;
    const double central = school == out.inflated_school ? honest : self + 0.5 * rng.between(-2, 2);
    b.remarks.push_back({id, subject, self, std::clamp(central, 0.0, b.exam.subjects[subject].full_marks)});
  }

  // Three pairs in the copier school's first class: the second student takes
  // the first's multiple-choice answers (scores follow).
  void plant_copies(ExamBundle& b, const std::vector<const Enrolment*>& students) {
    std::map<int64_t, std::vector<int64_t>> by_class;
    for (const Enrolment* e : students)
      if (e->school_id == out.copier_school) by_class[e->class_id].push_back(e->student_id);
    if (by_class.empty()) return;
    const auto& pupils = by_class.begin()->second;
    std::unordered_map<int64_t, std::vector<size_t>> rows;  // student → English objective item rows
    for (size_t k = 0; k < b.item_scores.size(); ++k)
      if (b.item_scores[k].item < kObjectiveItems) rows[b.item_scores[k].student_id].push_back(k);
    // Pick pairs among the weaker half (more wrong answers to share).
    std::vector<std::pair<double, int64_t>> weak;
    for (int64_t id : pupils)
      if (rows[id].size() == kObjectiveItems) weak.push_back({abilities.student.at(id), id});
    std::sort(weak.begin(), weak.end());
    for (size_t p = 0; p + 1 < weak.size() && out.copied_pairs.size() < 3; p += 2) {
      const int64_t source = weak[p].second, copier = weak[p + 1].second;
      int gained = 0;
      for (int q = 0; q < kObjectiveItems; ++q) {
        ItemScoreRecord& to = b.item_scores[rows[copier][q]];
        const ItemScoreRecord& from = b.item_scores[rows[source][q]];
        gained += static_cast<int>((from.score - to.score) * 2);
        to.response = from.response;
        to.score = from.score;
      }
      for (ScoreRecord& s : b.scores)
        if (s.student_id == copier && s.subject == kEnglish && s.score) *s.score += gained / 2.0;
      out.copied_pairs.push_back({source, copier});
    }
  }
};

}  // namespace

DemoExams generate_exams(const DemoCounty& county, const DemoSettings& settings) {
  Generator g{county, settings, {}, {}};
  const int now = settings.current_school_year;
  if (!g.pick_schools(g.roster(now, 9))) return {};
  g.out.exams.push_back(g.exam(std::to_string(now - 1) + "学年八年级期末质量监测", Date{now, 6, 24}, now - 1, 8, false));
  g.out.exams.push_back(g.exam(std::to_string(now) + "学年九年级期中质量监测", Date{now, 11, 12}, now, 9, true));
  return g.out;
}

}  // namespace edu::demo
