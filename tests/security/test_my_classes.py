"""我的班级 (GET /my/classes) as the wrong people and with hostile input: only a
teacher account gets an answer, and it lists that teacher's own classes only
(read straight from the SQLite file) whatever another teacher's or school's id
is put in the query; bad bytes in the path or query are refused or ignored, and
the server survives."""
import sqlite3

from client import DB, SecurityCase, Session, get_raw_path


def own_classes():
    with sqlite3.connect(DB) as db:
        teacher = db.execute("SELECT teacher_id FROM users WHERE username = 'teacher'").fetchone()[0]
        return teacher, {r[0] for r in db.execute(
            "SELECT id FROM classes WHERE head_teacher_id = ?", (teacher,))}


class MyClassesTest(SecurityCase):
    def test_only_a_teacher_gets_their_classes(self):
        self.assertEqual(Session().get("/my/classes").status, 401)
        for role in ("admin", "officer", "school_admin", "inspector"):
            r = Session(role).get("/my/classes")
            self.assertEqual(r.status, 403, (role, r))
            self.assertIn("message", r.json())

    def test_another_teachers_or_schools_ids_change_nothing(self):
        teacher, mine = own_classes()
        with sqlite3.connect(DB) as db:
            other_teacher, other_school = db.execute(
                "SELECT head_teacher_id, school_id FROM classes WHERE head_teacher_id IS NOT NULL "
                "AND head_teacher_id != ? LIMIT 1", (teacher,)).fetchone()
        session = Session("teacher")
        for query in ("", f"?teacher_id={other_teacher}", f"?school_id={other_school}",
                      f"?teacher_id={other_teacher}&teacher_id={teacher}", "?class_id=1"):
            r = session.get("/my/classes" + query)
            self.assertEqual(r.status, 200, (query, r))
            self.assertEqual({c["id"] for c in r.json()["classes"]}, mine, query)

    def test_bad_bytes_are_refused_or_ignored(self):
        session = Session("teacher")
        for query in ("?x=%ff%fe", "?teacher_id=%00", "?teacher_id=" + "9" * 40, "?%e4%b8=1"):
            r = session.get("/my/classes" + query)
            self.assertIn(r.status, (200, 400), (query, r))
            if r.status == 200:
                self.assertEqual({c["id"] for c in r.json()["classes"]}, own_classes()[1], query)
        for path in (b"/api/v1/my/classes\xff", b"/api/v1/my/classes/../../users", b"/api/v1/my/%00classes"):
            status, _, _ = get_raw_path(path)
            self.assertIn(status, (400, 401, 404), path)
