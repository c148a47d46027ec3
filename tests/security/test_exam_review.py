"""质量监测's new endpoints (issue 13) as the wrong people and with hostile input:
学生报告's search (GET /exams/{id}/candidates) and 成绩模板 (GET …/template.xlsx) never
give a school admin another school's student; archiving (POST …/archive) and 已核查
(PUT …/integrity/reviews) are the bureau's only and store nothing from anyone else
(read straight from the SQLite file); bad bytes and huge input are refused, and the
server survives."""
import io
import sqlite3
import zipfile
from urllib.parse import quote

from client import DB, SecurityCase, Session
from test_exam_scores import foreign_student


def db_value(sql, *args):
    with sqlite3.connect(DB) as db:
        return db.execute(sql, args).fetchone()[0]


class ExamReviewTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")
        cls.school = Session("school_admin")
        cls.student = foreign_student(cls.admin, cls.school.user["school_id"])
        r = cls.admin.post("/exams", {"name": "安全测试核查", "date": "2026-12-25", "grade": cls.student["grade"],
                                      "subjects": [{"name": "数学", "full_marks": 100}]})
        assert r.status == 201, r
        cls.exam = r.json()["exam"]["id"]

    def test_a_school_admin_never_finds_another_schools_student(self):
        s = self.student
        path = f"/exams/{self.exam}/candidates?q="
        found = self.admin.get(path + quote(s["name"])).json()["items"]
        self.assertIn(s["id"], [c["student_id"] for c in found])
        for q in (s["name"], s["id_number"][:14], "G" + s["id_number"]):
            r = self.school.get(path + quote(q))
            self.assertEqual(r.status, 200, (q, r))
            self.assertNotIn(s["id"], [c["student_id"] for c in r.json()["items"]], q)
        # Another school's student's report by id: 404, as if absent.
        self.assertEqual(self.school.get(f"/exams/{self.exam}/students/{s['id']}").status, 404)

    def test_the_template_holds_only_the_own_schools_candidates(self):
        r = self.school.get(f"/exams/{self.exam}/template.xlsx")
        self.assertEqual(r.status, 200, r)
        with zipfile.ZipFile(io.BytesIO(r.body)) as z:
            text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
        self.assertNotIn(self.student["id_number"], text)
        self.assertIn("学籍号", text)
        for role in ("officer", "teacher", "inspector"):
            self.assertEqual(Session(role).get(f"/exams/{self.exam}/template.xlsx").status, 403, role)

    def test_only_the_bureau_archives_or_reviews(self):
        for role in ("officer", "school_admin", "teacher", "inspector"):
            who = Session(role)
            self.assertEqual(who.post(f"/exams/{self.exam}/archive", {"archived": True}).status, 403, role)
            r = who.put(f"/exams/{self.exam}/integrity/reviews", {"key": "visiting|1||0|0", "reviewed": True})
            self.assertEqual(r.status, 403, role)
        self.assertEqual(db_value("SELECT archived FROM exams WHERE id = ?", self.exam), 0)
        self.assertEqual(db_value("SELECT COUNT(*) FROM exam_flag_reviews WHERE exam_id = ?", self.exam), 0)

    def test_bad_bytes_and_huge_input_are_refused(self):
        path = f"/exams/{self.exam}/candidates"
        for query in ("?q=%ff%fe", "?q=%00", "?q=" + quote("张") * 5000, "?q=" + "1" * 5000, "?q=%e4%b8", "?q="):
            r = self.admin.get(path + query)
            self.assertIn(r.status, (200, 400, 414, 422), (query[:20], r))
            if r.status == 200:
                self.assertEqual(r.json()["items"], [], query[:20])
        self.assertEqual(self.admin.get("/exams/99999999/candidates?q=%E5%BC%A0").status, 404)
        self.assertEqual(self.admin.get("/exams/99999999/template.xlsx").status, 404)
        self.assertEqual(self.admin.post("/exams/99999999/archive", {"archived": True}).status, 404)
        for body in ({"archived": "是"}, {"archived": None}, {}, [1]):
            r = self.admin.post(f"/exams/{self.exam}/archive", body)
            self.assertIn(r.status, (400, 422), (body, r))
        r = self.admin.request("POST", f"/exams/{self.exam}/archive", raw_body=b"\xff\xfe{",
                               headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400, r)
        reviews = f"/exams/{self.exam}/integrity/reviews"
        for body in ({"key": "x" * 100000, "reviewed": True}, {"key": "\u0000", "reviewed": True},
                     {"key": "visiting|1||0|0"}, {"key": 7, "reviewed": True}):
            r = self.admin.put(reviews, body)
            self.assertIn(r.status, (400, 404, 413, 422), (str(body)[:40], r))
        self.assertEqual(db_value("SELECT archived FROM exams WHERE id = ?", self.exam), 0)
        self.assertEqual(db_value("SELECT COUNT(*) FROM exam_flag_reviews WHERE exam_id = ?", self.exam), 0)
