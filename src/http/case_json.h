// A case and its log as the API renders them (GET /cases/{id}, the 待办 list
// and a student's history): the workflow's own title, labels and waiting
// party, so new kinds of case appear without a change here.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/date.h"
#include "store/case_attachment_store.h"
#include "store/case_store.h"
#include "store/user_store.h"
#include "workflow/case_engine.h"

namespace edu {

// The case with its title, waiting party, overdue flag and the actions `user`
// may take now. A 身份证号 among its fields (a request names one) is masked.
nlohmann::json case_json(const CaseView& v, const User& user, const Date& today);
// The log entries, oldest first, each with its action's label and the files
// its "file" fields attached ({key, label, id, file_name, content_type, size},
// from `attachments`, the case's by id; downloaded at
// /cases/{case}/attachments/{id}).
nlohmann::json case_log_json(const std::string& kind, const std::vector<CaseLogEntry>& log,
                             const std::map<int64_t, CaseAttachment>& attachments);

// An action's declared fields from a request body, typed by their declaration
// (ids as integers, text and dates as text), and the comment; "bad_request"
// naming the field otherwise. POST /cases, its actions and
// /exchange/proposals read their bodies by it.
Result<ActionInput> input_from_json(const nlohmann::json& body, const ActionSpec& action);

}  // namespace edu
