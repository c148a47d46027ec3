// Migration 19: 免考 requests still 待审批 when the engine took over 免考
// (workflow/exemption_workflow.cpp) become 免考申请 cases waiting for the
// bureau, so none is stranded: the case names the student's school, the exam,
// subject and reason as its fields, is due 7 days after the request (the
// state's declared deadline), and its log opens with the request (apply, by
// the requesting user, at the request's time). The pending rows are then
// removed: an approval writes the approved row, as for any 免考申请.
#pragma once

namespace edu {

// The cases, on SQLite.
inline constexpr const char* kMigration0019PendingExemptionCases = R"SQL(
INSERT INTO cases (kind, student_id, state, school_id, due_on, created_by, created_at, updated_at, fields)
SELECT 'exemption', e.student_id, '待教育局审批', s.school_id, date(substr(e.created_at, 1, 10), '+7 days'),
       e.requested_by, e.created_at, e.created_at,
       json_object('student_id', CAST(e.student_id AS TEXT), 'exam_id', CAST(e.exam_id AS TEXT),
                   'subject', e.subject, 'reason', e.reason)
FROM exam_exemptions e JOIN students s ON s.id = e.student_id
WHERE e.status = '待审批' ORDER BY e.id;
)SQL";

// The same on PostgreSQL: its date arithmetic and JSON builder.
inline constexpr const char* kMigration0019PendingExemptionCasesPostgres = R"SQL(
INSERT INTO cases (kind, student_id, state, school_id, due_on, created_by, created_at, updated_at, fields)
SELECT 'exemption', e.student_id, '待教育局审批', s.school_id, (substr(e.created_at, 1, 10)::date + 7)::text,
       e.requested_by, e.created_at, e.created_at,
       json_build_object('student_id', CAST(e.student_id AS TEXT), 'exam_id', CAST(e.exam_id AS TEXT),
                         'subject', e.subject, 'reason', e.reason)::text
FROM exam_exemptions e JOIN students s ON s.id = e.student_id
WHERE e.status = '待审批' ORDER BY e.id;
)SQL";

// Then, on both: each case's opening log entry, and the pending rows go.
inline constexpr const char* kMigration0019PendingExemptionLogs = R"SQL(
INSERT INTO case_log (case_id, at, user_id, username, action, from_state, to_state, comment, fields)
SELECT c.id, c.created_at, c.created_by, COALESCE(u.username, '系统'), 'apply', '', '待教育局审批', '', c.fields
FROM cases c LEFT JOIN users u ON u.id = c.created_by
WHERE c.kind = 'exemption' ORDER BY c.id;
DELETE FROM exam_exemptions WHERE status = '待审批';
)SQL";

}  // namespace edu
