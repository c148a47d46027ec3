// Reading exam set-up and reward rules from JSON request bodies, strictly:
// a wrong type or a missing field is an error naming the field in Chinese.
#pragma once

#include <nlohmann/json.hpp>

#include "exam/exam_record.h"
#include "exam/rewards.h"

namespace edu {

// {name, date, grade, school_year?, absent_policy? ("zero"|"exclude"),
//  weights? {mean, excellent, pass, low}, previous_exam_id?,
//  subjects: [{name, full_marks, cuts? {excellent, pass, low}, items? [{label, full_marks, key?}]}]}
Result<exam::ExamRecord> exam_from_json(const nlohmann::json& body);
// {rules: [{name, kind, level, subject, rank_from, rank_to, indicator, threshold, points, min_participation}]}
Result<std::vector<exam::RewardRule>> rules_from_json(const nlohmann::json& body);

}  // namespace edu
