"""薄弱学校 (schools.weak, migration 20): the school register's field the
bureau alone sets, and the school list's filter ?weak=. A school admin marking
their own school, an officer or another school's admin, wrong types, bad bytes
and huge values: all refused, nothing written (read straight from the SQLite
file), and the server survives."""
import sqlite3

from client import DB, SecurityCase, Session, get_raw_path


def rows():
    with sqlite3.connect(DB) as db:
        return (db.execute("SELECT id, weak FROM schools ORDER BY id").fetchall(),
                db.execute("SELECT COUNT(*) FROM audit_log WHERE entity <> 'session'").fetchone()[0])


DERIVED = ("id", "area_name", "student_count", "teacher_count", "class_count")


def editable(session, school_id):
    school = session.get(f"/schools/{school_id}").json()["school"]
    return {k: v for k, v in school.items() if k not in DERIVED}


class WeakSchoolsTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        with sqlite3.connect(DB) as db:
            cls.own = db.execute("SELECT school_id FROM users WHERE username = 'school_admin'").fetchone()[0]
            cls.other = db.execute("SELECT id FROM schools WHERE id <> ? AND weak = 0 ORDER BY id LIMIT 1",
                                   (cls.own,)).fetchone()[0]

    def test_only_the_bureau_marks_a_school(self):
        before = rows()
        sa = Session("school_admin")
        body = editable(Session("admin"), self.own)
        body["weak"] = not body["weak"]
        r = sa.put(f"/schools/{self.own}", body)
        self.assertEqual(r.status, 403, r)
        self.assertIn("薄弱学校", r.json()["message"])
        body = editable(Session("admin"), self.other)
        body["weak"] = True
        for who in ("school_admin", "officer", "teacher", "inspector"):
            r = Session(who).put(f"/schools/{self.other}", body)
            self.assertIn(r.status, (403, 404), (who, r))
        self.assertEqual(rows(), before)

    def test_bad_values_write_nothing(self):
        before = rows()
        admin = Session("admin")
        base = editable(admin, self.other)
        for value in ("是", "1", 1, 10 ** 30, [True], {"x": True}, "是\x00", "否" * 100000):
            r = admin.put(f"/schools/{self.other}", dict(base, weak=value))
            self.assertIn(r.status, (400, 413, 422), (str(value)[:40], r))
        for path in ("/schools?weak=2", "/schools?weak=%ff%fe", "/schools?weak=" + "1" * 5000,
                     "/schools?weak=%00", "/exports/schools.xlsx?weak=yes"):
            r = admin.get(path)
            self.assertIn(r.status, (400, 414, 431), (path[:60], r))
        get_raw_path(b"/api/v1/schools?weak=\xff\xfe")
        self.assertEqual(rows(), before)

    def test_the_filter_lists_only_the_marked(self):
        admin = Session("admin")
        with sqlite3.connect(DB) as db:
            marked = db.execute("SELECT COUNT(*) FROM schools WHERE weak = 1").fetchone()[0]
            others = db.execute("SELECT COUNT(*) FROM schools WHERE weak = 0").fetchone()[0]
        self.assertGreater(marked, 0)
        r = admin.get("/schools?weak=1&size=100").json()
        self.assertEqual(r["total"], marked)
        self.assertTrue(all(s["weak"] for s in r["items"]))
        self.assertEqual(admin.get("/schools?weak=0&size=1").json()["total"], others)
