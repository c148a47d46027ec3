"""学生档案 (GET /students/{id}/history) as the wrong people and with bad ids:
another school's student is a 404 that says nothing of them, malformed and huge
ids are refused, and the server survives."""
import sqlite3

from client import DB, SecurityCase, Session, get_raw_path


class StudentHistoryTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        with sqlite3.connect(DB) as db:
            own = db.execute("SELECT school_id FROM users WHERE username = 'school_admin'").fetchone()[0]
            cls.mine = db.execute("SELECT id FROM students WHERE school_id = ? ORDER BY id LIMIT 1", (own,)).fetchone()[0]
            cls.theirs = db.execute("SELECT id, name FROM students WHERE school_id <> ? ORDER BY id LIMIT 1",
                                    (own,)).fetchone()

    def test_another_schools_student_is_not_found(self):
        sa = Session("school_admin")
        self.assertEqual(sa.get(f"/students/{self.mine}/history").status, 200)
        r = sa.get(f"/students/{self.theirs[0]}/history")
        self.assertEqual(r.status, 404, r)
        self.assertNotIn(self.theirs[1], r.body.decode("utf-8"))
        self.assertEqual(Session().get(f"/students/{self.mine}/history").status, 401)

    def test_bad_ids(self):
        admin = Session("admin")
        for path in (f"/students/{2**63}/history", "/students/99999999999/history", "/students/-1/history",
                     "/students/1%20OR%201=1/history", "/students/" + "9" * 5000 + "/history",
                     f"/students/{self.mine}/history/../audit", "/students/%ff%fe/history"):
            r = admin.get(path)
            self.assertIn(r.status, (400, 404, 414), (path[:60], r))
        get_raw_path(b"/api/v1/students/\xff\xfe/history")
