"""The county set-up's writes (issue 9): 开设班级 (POST /schools/{id}/classes) and
renaming a township (PUT /areas/{id}). Another school's id, another role, hostile
bodies: each is refused, and nothing is opened or renamed."""
import io
import sqlite3
import zipfile

from client import DB, SecurityCase, Session


def count(sql):
    with sqlite3.connect(DB) as db:
        return db.execute(sql).fetchone()[0]


class SetupWritesTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")
        cls.sa = Session("school_admin")
        own = cls.sa.user["school_id"]
        schools = cls.admin.get("/schools?size=200").json()["items"]
        cls.own_school = next(s for s in schools if s["id"] == own)
        cls.other_school = next(s for s in schools if s["id"] != own and s["kind"] == cls.own_school["kind"])
        with sqlite3.connect(DB) as db:  # a township (the county itself is not renamed)
            row = db.execute("SELECT id, name FROM areas WHERE parent_id IS NOT NULL ORDER BY id").fetchone()
        cls.area = {"id": row[0], "name": row[1]}

    def test_a_school_admin_opens_classes_only_at_their_own_school(self):
        classes = count("SELECT COUNT(*) FROM classes")
        r = self.sa.post(f"/schools/{self.other_school['id']}/classes",
                         {"section": "小学", "grade": 1, "count": 1})
        self.assertEqual(r.status, 404, r)
        for who in ("officer", "teacher", "inspector"):
            r = Session(who).post(f"/schools/{self.own_school['id']}/classes",
                                  {"section": "小学", "grade": 1, "count": 1})
            self.assertIn(r.status, (403, 404), (who, r))
        self.assertEqual(count("SELECT COUNT(*) FROM classes"), classes)

    def test_hostile_class_bodies_open_nothing(self):
        classes = count("SELECT COUNT(*) FROM classes")
        path = f"/schools/{self.own_school['id']}/classes"
        for body in [{"section": "小学", "grade": 1, "count": 10 ** 12},
                     {"section": "小学", "grade": 1, "count": -1},
                     {"section": "小学", "grade": 99, "count": 1},
                     {"section": "小\u0000学", "grade": 1, "count": 1},
                     {"section": "大学", "grade": 1, "count": 1},
                     {"section": "小学", "grade": "一", "count": 1},
                     {"section": ["小学"], "grade": 1, "count": 1}]:
            r = self.sa.post(path, body)
            self.assertIn(r.status, (400, 422), (body, r))
            self.assertIn("message", r.json())
        r = self.sa.request("POST", path, raw_body=b'{"section": "\xff"}',
                            headers={"Content-Type": "application/json"})
        self.assertIn(r.status, (400, 422), r)
        self.assertEqual(count("SELECT COUNT(*) FROM classes"), classes)

    def test_only_the_bureau_renames_a_township_and_names_stay_clean(self):
        before = self.area["name"]
        for who in ("school_admin", "officer", "inspector", "teacher"):
            r = Session(who).put(f"/areas/{self.area['id']}", {"name": "改名镇"})
            self.assertEqual(r.status, 403, (who, r))
        for name in ["", "   ", "镇\u0000名", "镇\n名", "镇" * 10000]:
            r = self.admin.put(f"/areas/{self.area['id']}", {"name": name})
            self.assertIn(r.status, (400, 422), (name[:20], r))
        self.assertEqual(r.json().get("field"), "name")
        r = self.admin.put("/areas/99999999999999999999", {"name": "改名镇"})
        self.assertEqual(r.status, 404, r)
        self.assertEqual(count(f"SELECT name FROM areas WHERE id = {self.area['id']}"), before)

    def test_set_up_exports_hold_only_the_users_own_rows(self):
        other = self.other_school["id"]
        for query in (f"?school_id={other}", f"?area_id={self.area['id']}&school_id={other}"):
            r = self.sa.get("/exports/classes.xlsx" + query)
            self.assertEqual(r.status, 200, r)
            sheet = zipfile.ZipFile(io.BytesIO(r.body)).read("xl/worksheets/sheet1.xml")
            self.assertNotIn(b"<row r=\"2\"", sheet, query)  # the header row only
        for query in ("?school_id=%ff", "?school_id=99999999999999999999", "?school_year=%00",
                      "?area_id=-1%00"):
            for kind in ("classes", "areas", "catchments"):
                r = self.sa.get(f"/exports/{kind}.xlsx" + query)
                self.assertIn(r.status, (200, 400, 404), (kind, query, r))
        r = Session("teacher").get("/exports/classes.xlsx")
        self.assertEqual(r.status, 200, r)  # the teacher's school's classes, IDs masked
        book = zipfile.ZipFile(io.BytesIO(r.body))
        text = "".join(book.read(n).decode() for n in book.namelist() if n.startswith("xl/"))
        self.assertIn("************", text)
        self.assertNotRegex(text, r"\d{17}[\dX]")


class ClassEditTest(SecurityCase):
    """编辑班级 (PUT /classes/{id}): another school's class, other roles and hostile
    bodies change nothing."""

    def classes(self):
        with sqlite3.connect(DB) as db:
            return db.execute("SELECT id, name, head_teacher_id FROM classes ORDER BY id").fetchall()

    def test_hostile_class_edits_change_nothing(self):
        sa = Session("school_admin")
        with sqlite3.connect(DB) as db:
            own = db.execute("SELECT id FROM classes WHERE school_id = ? ORDER BY id DESC LIMIT 1",
                             (sa.user["school_id"],)).fetchone()[0]
            other = db.execute("SELECT id FROM classes WHERE school_id <> ? ORDER BY id DESC LIMIT 1",
                               (sa.user["school_id"],)).fetchone()[0]
            foreign_teacher = db.execute("SELECT id FROM teachers WHERE school_id <> ? LIMIT 1",
                                         (sa.user["school_id"],)).fetchone()[0]
        before = self.classes()
        self.assertEqual(sa.put(f"/classes/{other}", {"name": "夺班"}).status, 404)
        for who in ("officer", "teacher", "inspector"):
            self.assertIn(Session(who).put(f"/classes/{own}", {"name": "夺班"}).status, (403, 404), who)
        for body in [{"name": "x" * 100000}, {"name": "a\u0000b"}, {"name": ["班"]},
                     {"name": "班", "head_teacher_id": 2 ** 63}, {"name": "班", "head_teacher_id": "1 OR 1"},
                     {"name": "班", "head_teacher_id": foreign_teacher}]:
            r = sa.put(f"/classes/{own}", body)
            self.assertIn(r.status, (400, 413, 422), (body.get("head_teacher_id"), r))
        r = sa.request("PUT", f"/classes/{own}", raw_body=b'{"name": "\xff\xfe"}',
                       headers={"Content-Type": "application/json"})
        self.assertIn(r.status, (400, 422), r)
        for path in ("/classes/99999999999999999999", "/classes/-1", "/classes/%ff"):
            self.assertIn(sa.put(path, {"name": "班"}).status, (400, 404), path)
        self.assertEqual(self.classes(), before)
