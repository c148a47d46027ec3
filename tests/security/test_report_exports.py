"""The report downloads (统计指标, 班额, exam results, 诚信报告, 模拟规划) and the
lists' `sort` as an attacker sends them: anonymous callers get 401; a school
admin's files never name another school, whatever school id is put in the query;
a `sort` that is not a whitelisted key — SQL, bad bytes, a huge value — is a 400
that changes nothing in the database; bad bytes elsewhere are refused, and the
server survives."""
import io
import sqlite3
import zipfile
from urllib.parse import quote, unquote

from client import DB, SecurityCase, Session, get_raw_path


def sheet_text(body: bytes) -> str:
    """All text of an .xlsx: its shared strings and inline strings, as one string."""
    with zipfile.ZipFile(io.BytesIO(body)) as z:
        return "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/"))


def other_school(own_id: int, own_name: str):
    """Another school (id, name) whose name and the own one contain neither the other."""
    with sqlite3.connect(DB) as db:
        for sid, name in db.execute("SELECT id, name FROM schools WHERE id != ? ORDER BY id", (own_id,)):
            if name not in own_name and own_name not in name:
                return sid, name
    raise AssertionError("no other school")


def counts():
    with sqlite3.connect(DB) as db:
        return [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("students", "schools", "classes")]


class ReportExportsTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")
        cls.school = Session("school_admin")
        exams = cls.admin.get("/exams").json()["items"]
        if exams:
            cls.exam = exams[0]["id"]
        else:
            r = cls.admin.post("/exams", {"name": "安全导出考试", "date": "2026-12-24", "grade": 3,
                                          "subjects": [{"name": "数学", "full_marks": 100}]})
            assert r.status == 201, r
            cls.exam = r.json()["exam"]["id"]
        cls.gets = ["/exports/indicators.xlsx", "/exports/class-sizes.xlsx",
                    f"/exams/{cls.exam}/results.xlsx", f"/exams/{cls.exam}/integrity.xlsx"]

    def test_anonymous_callers_get_nothing(self):
        anonymous = Session()
        for path in self.gets:
            self.assertEqual(anonymous.get(path).status, 401, path)
        self.assertEqual(anonymous.post("/exports/whatif.xlsx", {"changes": []}).status, 401)

    def test_a_school_admins_files_name_no_other_school(self):
        own_id, own_name = self.school.user["school_id"], self.school.user["scope_name"]
        other_id, other_name = other_school(own_id, own_name)
        for path in (f"/exports/class-sizes.xlsx?school_id={other_id}", "/exports/class-sizes.xlsx",
                     f"/exams/{self.exam}/results.xlsx?level=school",
                     f"/exams/{self.exam}/results.xlsx?level=class&school_id={other_id}",
                     "/exports/indicators.xlsx"):
            r = self.school.get(path)
            self.assertEqual(r.status, 200, (path, r))
            self.assertNotIn(other_name, sheet_text(r.body), path)
            saved_as = unquote(r.headers["content-disposition"].split("filename*=UTF-8''")[1])
            self.assertTrue(saved_as.startswith(own_name + "-"), (path, saved_as))
        self.assertEqual(self.school.get(f"/exams/{self.exam}/integrity.xlsx").status, 403)
        self.assertEqual(self.school.post("/exports/whatif.xlsx", {"changes": []}).status, 403)

    def test_sort_takes_whitelisted_keys_only(self):
        before = counts()
        for value in ("name;DROP TABLE students", "name' OR '1'='1", "(SELECT 1)", "st.id", "name DESC",
                      "-", "--name", "x" * 500, "\x00", "名字"):
            for path in ("/students", "/teachers", "/schools", "/class-sizes", "/exports/class-sizes.xlsx"):
                r = self.admin.get(f"{path}?sort={quote(value)}")
                self.assertEqual(r.status, 400, (path, value, r))
                self.assertEqual(r.json()["field"], "sort", (path, value))
        for query in ("?sort=%ff%fe", "?sort=%00name", "?sort=name&sort=%ff"):
            r = self.admin.get("/students" + query)
            self.assertIn(r.status, (200, 400), (query, r))
        self.assertEqual(counts(), before)

    def test_bad_bytes_are_refused(self):
        for path in (f"/exams/{self.exam}/results.xlsx?level=%ff%fe", "/exports/indicators.xlsx?year=%00",
                     "/exports/class-sizes.xlsx?school_id=%e4%b8", "/exports/class-sizes.xlsx?band=%ff",
                     "/exams/99999999999999999999/results.xlsx"):
            r = self.admin.get(path)
            self.assertIn(r.status, (400, 404, 422), (path, r))
        for raw_path in (f"/api/v1/exams/{self.exam}/results.xlsx\xff".encode("latin-1"),
                         b"/api/v1/exports/indicators.xlsx%00", b"/api/v1/exports/../exports/class-sizes.xlsx"):
            status, _, _ = get_raw_path(raw_path)
            self.assertIn(status, (400, 401, 404), raw_path)
        for body in (b"\xff\xfe{", b'{"changes": [{"type": "add_conditions", "school_id": "\xff"}]}',
                     b'{"changes": "x"}', b"[]", b'{"changes": [{"type": "move_teachers", "count": 1e309}]}'):
            r = self.admin.request("POST", "/exports/whatif.xlsx", raw_body=body,
                                   headers={"Content-Type": "application/json"})
            self.assertIn(r.status, (400, 422), (body, r))
