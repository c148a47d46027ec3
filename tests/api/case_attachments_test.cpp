// Evidence files on cases (workflow/case_attachments.h) through the API:
// uploaded, named by an action's "file" field, attached by the action and
// downloaded byte for byte by those who see the case; refused, with the
// file's name and the reason, when the bytes are no PDF/JPG/PNG or too large;
// not usable by another user or twice; another school's case's file a 404.
#include <gtest/gtest.h>

#include "own_server.h"

namespace edu::apitest {
namespace {

std::string id(int64_t v) { return std::to_string(v); }

const std::string kPdf = std::string("%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n\0\x01\x02\xFF", 40) + "%%EOF\n";
const std::string kPng = std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);

struct County {
  OwnServer s{"case_attachments"};
  int64_t own = 0;
  std::vector<int64_t> students;  // 在读 at `own`
  std::map<std::string, Login> logins;
  County() {
    own = s.ids("SELECT school_id FROM users WHERE username = 'school_admin'").at(0);
    students = s.ids("SELECT id FROM students WHERE school_id = " + id(own) + " AND status = '在读' AND id NOT IN "
                     "(SELECT student_id FROM cases WHERE student_id IS NOT NULL) ORDER BY id LIMIT 5");
    const int64_t other = s.ids("SELECT id FROM schools WHERE id <> " + id(own) + " ORDER BY id LIMIT 1").at(0);
    json made = s.admin_call("POST", "/users",
                             {{"username", "other_admin"}, {"display_name", "他校管理员"},
                              {"password", "Matrix2026"}, {"role", "school_admin"}, {"school_id", other}});
    EXPECT_EQ(made["status"], 201) << made.dump();
    for (const char* r : {"admin", "officer", "school_admin", "teacher", "inspector"}) logins[r] = s.login(r);
    logins["other_admin"] = s.login("other_admin", "Matrix2026");
  }
  Reply upload(const std::string& who, const std::string& name, const std::string& bytes) {
    return s.upload("/cases/attachments", &logins[who], name, bytes);
  }
  // A 死亡 application for `student` with the evidence `file` (an attachment id).
  Reply apply(int64_t student, int64_t file, const std::string& who = "school_admin") {
    return s.call("POST", "/cases", &logins[who],
                  {{"kind", "death"}, {"student_id", student}, {"reason", "意外事故"}, {"date", "2026-11-20"},
                   {"evidence", file}});
  }
};

TEST(CaseAttachments, UploadedAttachedAndDownloadedAsSent) {
  County c;
  Reply up = c.upload("school_admin", "死亡证明.pdf", kPdf);
  ASSERT_EQ(up.status, 201) << up.body.dump();
  EXPECT_EQ(up.body["file_name"], "死亡证明.pdf");
  EXPECT_EQ(up.body["size"], kPdf.size());
  const int64_t file = up.body["id"];
  EXPECT_EQ(c.s.text("SELECT COALESCE(case_id, 0) FROM case_attachments WHERE id = " + id(file)), "0");
  Reply opened = c.apply(c.students[0], file);
  ASSERT_EQ(opened.status, 201) << opened.body.dump();
  const int64_t case_id = opened.body["case"]["id"];
  EXPECT_EQ(c.s.text("SELECT case_id FROM case_attachments WHERE id = " + id(file)), id(case_id));
  // The log lists it, by name, under the field's label.
  json log = c.s.call("GET", "/cases/" + id(case_id), &c.logins["admin"]).body["log"];
  ASSERT_EQ(log.size(), 1u);
  ASSERT_EQ(log[0]["attachments"].size(), 1u);
  EXPECT_EQ(log[0]["attachments"][0]["id"], file);
  EXPECT_EQ(log[0]["attachments"][0]["label"], "证明材料");
  EXPECT_EQ(log[0]["attachments"][0]["file_name"], "死亡证明.pdf");
  EXPECT_EQ(log[0]["attachments"][0]["content_type"], "application/pdf");
  // Downloaded by the bureau, the school and its township: the same bytes, typed as stored.
  for (const char* who : {"admin", "school_admin", "officer"}) {
    Reply got = c.s.call("GET", "/cases/" + id(case_id) + "/attachments/" + id(file), &c.logins[who]);
    ASSERT_EQ(got.status, 200) << who;
    EXPECT_EQ(got.raw_body, kPdf) << who;
    EXPECT_EQ(got.headers.find("Content-Type")->second, "application/pdf");
    EXPECT_NE(got.headers.find("Content-Disposition")->second.find(".pdf"), std::string::npos);
    EXPECT_EQ(got.headers.find("X-Content-Type-Options")->second, "nosniff");
  }
  // The student's history shows it too.
  json history = c.s.call("GET", "/students/" + id(c.students[0]) + "/history", &c.logins["school_admin"]).body;
  ASSERT_EQ(history["cases"].size(), 1u);
  EXPECT_EQ(history["cases"][0]["log"][0]["attachments"][0]["id"], file);
  // Approved: the file stays with the case.
  ASSERT_EQ(c.s.call("POST", "/cases/" + id(case_id) + "/actions/approve", &c.logins["admin"], json::object()).status,
            200);
  EXPECT_EQ(c.s.text("SELECT status FROM students WHERE id = " + id(c.students[0])), "死亡");
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM audit_log WHERE entity = 'case_attachment' AND entity_id = " + id(file)).at(0),
            1);
}

TEST(CaseAttachments, OnlyPdfJpgPngUpToFiveMegabytes) {
  County c;
  Reply r = c.upload("school_admin", "说明.docx", "PK\x03\x04 not a pdf");
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body["message"].get<std::string>().find("说明.docx"), std::string::npos) << r.body.dump();
  EXPECT_NE(r.body["message"].get<std::string>().find("不是PDF、JPG或PNG"), std::string::npos) << r.body.dump();
  // The name does not decide: a text file named .pdf is refused, a PNG named .pdf is a PNG.
  EXPECT_EQ(c.upload("school_admin", "伪装.pdf", "hello").status, 422);
  r = c.upload("school_admin", "照片.pdf", kPng);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body["content_type"], "image/png");
  EXPECT_EQ(c.upload("school_admin", "扫描.jpg", std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF").body["content_type"],
            "image/jpeg");
  std::string big = kPdf + std::string(5 * 1024 * 1024, 'x');
  r = c.upload("school_admin", "大文件.pdf", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_NE(r.body["message"].get<std::string>().find("大文件.pdf"), std::string::npos) << r.body.dump();
  EXPECT_NE(r.body["message"].get<std::string>().find("5MB"), std::string::npos) << r.body.dump();
  big.resize(5 * 1024 * 1024);
  EXPECT_EQ(c.upload("school_admin", "刚好5MB.pdf", big).status, 201);
  EXPECT_EQ(c.upload("school_admin", "空.pdf", "").status, 422);
  // Roles that take no part in cases upload nothing.
  EXPECT_EQ(c.upload("teacher", "证明.pdf", kPdf).status, 403);
  EXPECT_EQ(c.upload("inspector", "证明.pdf", kPdf).status, 403);
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM case_attachments WHERE uploaded_by IS NOT NULL").at(0), 3);
}

TEST(CaseAttachments, AnotherUsersOrAnAttachedFileIsRefused) {
  County c;
  const int64_t theirs = c.upload("other_admin", "他校.pdf", kPdf).body["id"];
  Reply r = c.apply(c.students[0], theirs);
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.body["field"], "evidence");
  EXPECT_NE(r.body["message"].get<std::string>().find("不是您上传的文件"), std::string::npos) << r.body.dump();
  const int64_t mine = c.upload("school_admin", "证明.pdf", kPdf).body["id"];
  ASSERT_EQ(c.apply(c.students[0], mine).status, 201);
  r = c.apply(c.students[1], mine);
  EXPECT_EQ(r.status, 422);
  EXPECT_NE(r.body["message"].get<std::string>().find("已用于其他事项"), std::string::npos) << r.body.dump();
  EXPECT_EQ(c.apply(c.students[1], 999999).status, 422);
  r = c.s.call("POST", "/cases", &c.logins["school_admin"],
               {{"kind", "death"}, {"student_id", c.students[1]}, {"reason", "x"}, {"date", "2026-11-20"},
                {"evidence", "证明.pdf"}});
  EXPECT_EQ(r.status, 400) << "a file field takes an attachment id";
  EXPECT_EQ(c.s.ids("SELECT COUNT(*) FROM cases WHERE student_id = " + id(c.students[1])).at(0), 0);
  EXPECT_EQ(c.s.text("SELECT COALESCE(case_id, 0) FROM case_attachments WHERE id = " + id(theirs)), "0");
}

TEST(CaseAttachments, AnotherSchoolsCaseFileIsNotFound) {
  County c;
  const int64_t file = c.upload("school_admin", "证明.pdf", kPdf).body["id"];
  const int64_t case_id = c.apply(c.students[0], file).body["case"]["id"];
  const std::string url = "/cases/" + id(case_id) + "/attachments/" + id(file);
  for (const char* who : {"other_admin", "teacher", "inspector"})
    EXPECT_EQ(c.s.call("GET", url, &c.logins[who]).status, 404) << who;
  // Asked for under another case (the caller's own), it is not there either.
  const int64_t other_file = c.upload("other_admin", "他校.pdf", kPdf).body["id"];
  const int64_t their_student =
      c.s.ids("SELECT id FROM students WHERE school_id = (SELECT school_id FROM users WHERE username = "
              "'other_admin') AND status = '在读' ORDER BY id LIMIT 1").at(0);
  const int64_t their_case = c.apply(their_student, other_file, "other_admin").body["case"]["id"];
  EXPECT_EQ(c.s.call("GET", "/cases/" + id(their_case) + "/attachments/" + id(file), &c.logins["other_admin"]).status,
            404);
  EXPECT_EQ(c.s.call("GET", "/cases/" + id(their_case) + "/attachments/" + id(other_file), &c.logins["other_admin"])
                .status,
            200);
  // An uploaded, unattached file is no case's.
  const int64_t loose = c.upload("school_admin", "未用.pdf", kPdf).body["id"];
  EXPECT_EQ(c.s.call("GET", "/cases/" + id(case_id) + "/attachments/" + id(loose), &c.logins["school_admin"]).status,
            404);
}

}  // namespace
}  // namespace edu::apitest
