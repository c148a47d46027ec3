"""职称评聘 (GET/PUT /titles/posts, /titles/rounds, /titles/report,
/exports/titles.xlsx, /titles/teachers/{id}, its dismiss, and POST /cases
kind title) as the wrong people and with bad input: another school's teacher,
bad bytes, huge input, wrong types. Nothing refused writes a row (read straight
from the SQLite file), and the server survives."""
import sqlite3

from client import DB, SecurityCase, Session, get_raw_path


def rows():
    with sqlite3.connect(DB) as db:
        return [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("school_posts", "title_appointments", "title_rounds", "title_applications", "cases")] + [
            db.execute("SELECT COUNT(*) FROM audit_log WHERE entity <> 'session'").fetchone()[0]] + [db.execute("SELECT id, title FROM teachers ORDER BY id").fetchall()]


class TitlesTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        with sqlite3.connect(DB) as db:
            own = db.execute("SELECT school_id FROM users WHERE username = 'school_admin'").fetchone()[0]
            cls.theirs = db.execute("SELECT id FROM teachers WHERE school_id <> ? ORDER BY id LIMIT 1",
                                    (own,)).fetchone()[0]
            cls.mine = db.execute("SELECT id FROM teachers WHERE school_id = ? ORDER BY id LIMIT 1",
                                  (own,)).fetchone()[0]

    def test_another_schools_teacher(self):
        before = rows()
        sa = Session("school_admin")
        self.assertEqual(sa.get(f"/titles/teachers/{self.theirs}").status, 404)
        r = sa.post(f"/titles/teachers/{self.theirs}/dismiss", {"reason": "越权", "date": "2027-01-10"})
        self.assertEqual(r.status, 404, r)
        r = sa.post("/cases", {"kind": "title", "teacher_id": self.theirs, "level": "一级", "evidence": "x"})
        self.assertIn(r.status, (409, 422), r)
        r = Session("officer").put("/titles/posts", {"school_year": 2026, "posts": [
            {"school_id": self.theirs, "level": "高级", "approved": 5}]})
        self.assertEqual(r.status, 403, r)
        self.assertEqual(rows(), before)

    def test_bad_input_writes_nothing(self):
        before = rows()
        admin = Session("admin")
        bad_posts = [
            {"school_year": 2026, "posts": "x"},
            {"school_year": "2026", "posts": []},
            {"school_year": 2026, "posts": [{"school_id": 999999999, "level": "高级", "approved": 1}]},
            {"school_year": 2026, "posts": [{"school_id": self.mine, "level": "正高级\x00", "approved": 1}]},
            {"school_year": 2026, "posts": [{"school_id": 1, "level": "高级", "approved": -1}]},
            {"school_year": 2026, "posts": [{"school_id": 1, "level": "高级", "approved": 10 ** 30}]},
            {"school_year": 99999999999, "posts": []},
            {"school_year": 2026, "posts": [{"school_id": 1, "level": "高级" * 50000, "approved": 1}]},
            {"school_year": 2026, "posts": [[1, 2]]},
        ]
        for body in bad_posts:
            r = admin.put("/titles/posts", body)
            self.assertIn(r.status, (400, 413, 422), (str(body)[:80], r))
        for body in ({"name": "", "year": 2026, "opens_on": "2026-01-01", "closes_on": "2026-02-01"},
                     {"name": "批次", "year": 2026, "opens_on": "2026-02-30", "closes_on": "2026-03-01"},
                     {"name": "批次", "year": 2026, "opens_on": "2026-03-01", "closes_on": "2026-01-01"},
                     {"name": "批" * 100000, "year": 2026, "opens_on": "2026-01-01", "closes_on": "2026-02-01"},
                     {"name": "批次\udcff", "year": 1e300, "opens_on": 1, "closes_on": None}):
            try:
                r = admin.post("/titles/rounds", body)
            except UnicodeEncodeError:
                continue
            self.assertIn(r.status, (400, 413, 422), (str(body)[:80], r))
        r = admin.post(f"/titles/teachers/{self.mine}/dismiss", {"reason": "x" * 2000, "date": "2027-01-10"})
        self.assertIn(r.status, (409, 422), r)
        r = admin.request("POST", f"/titles/teachers/{self.mine}/dismiss", raw_body=b"\xff\xfe{",
                          headers={"Content-Type": "application/json"})
        self.assertEqual(r.status, 400, r)
        for path in ("/titles/report?round=abc", "/titles/report?round=99999999999999999999",
                     "/titles/report?round=999999", "/exports/titles.xlsx?round=%ff", "/titles/posts?school_year=-1",
                     "/titles/posts?school_year=" + "9" * 5000, "/titles/teachers/99999999999999999999",
                     "/titles/teachers/%e6%95%99"):
            r = admin.get(path)
            self.assertIn(r.status, (400, 404, 414, 422, 431), (path[:60], r))
        get_raw_path(b"/api/v1/titles/teachers/\xff\xfe")
        self.assertEqual(rows(), before)
