"""继续教育 (/training/…, /teachers/{id}/history) as an attacker or a careless user
would send it: bad bytes and huge input in a course and a roster, roster files of
junk, another school's course and teacher ids — each refused with nothing written,
and the server survives."""
import sqlite3

from client import DB, SecurityCase, Session


def count(sql, *args):
    with sqlite3.connect(f"file:{DB}?mode=ro", uri=True) as db:
        return db.execute(sql, args).fetchone()[0]


def course(**changes):
    body = {"name": "安全测试培训", "level": "校本", "organiser": "本校", "start_date": "2026-10-12",
            "end_date": "2026-10-13", "hours": 8, "section": "", "subject": ""}
    body.update(changes)
    return body


class TrainingTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        with sqlite3.connect(DB) as db:
            cls.own = db.execute("SELECT school_id FROM users WHERE username = 'school_admin'").fetchone()[0]
            cls.mine = db.execute("SELECT id FROM teachers WHERE school_id = ? ORDER BY id LIMIT 1",
                                  (cls.own,)).fetchone()[0]
            cls.theirs = db.execute("SELECT id, name, id_number FROM teachers WHERE school_id <> ? ORDER BY id LIMIT 1",
                                    (cls.own,)).fetchone()
            cls.their_course = db.execute(
                "SELECT id FROM training_courses WHERE school_id IS NOT NULL AND school_id <> ? ORDER BY id LIMIT 1",
                (cls.own,)).fetchone()[0]
            cls.county_course = db.execute(
                "SELECT id FROM training_courses WHERE school_id IS NULL ORDER BY id DESC LIMIT 1").fetchone()[0]

    def test_bad_bytes_and_huge_input_in_a_course(self):
        sa = Session("school_admin")
        before = count("SELECT COUNT(*) FROM training_courses")
        for body in (course(name="坏\x00字节"), course(name="x" * 1_000_000), course(hours=10**30),
                     course(hours=-5), course(hours="八"), course(start_date="2026-02-30"),
                     course(level="'; DROP TABLE training_courses; --"), course(school_id=2**63),
                     course(section="<script>"), [], "text", {"name": None}):
            r = sa.post("/training/courses", body)
            self.assertIn(r.status, (400, 404, 413, 422), (str(body)[:80], r))
        r = sa.request("POST", "/training/courses", raw_body=b'{"name": "\xff\xfe", "level": "\xc0"}',
                       headers={"Content-Type": "application/json"})
        self.assertIn(r.status, (400, 422), r)
        self.assertEqual(count("SELECT COUNT(*) FROM training_courses"), before)

    def test_another_schools_course_and_teacher(self):
        sa = Session("school_admin")
        self.assertEqual(sa.get(f"/training/courses/{self.their_course}/roster").status, 404)
        self.assertEqual(sa.put(f"/training/courses/{self.their_course}", course()).status, 404)
        r = sa.put(f"/training/courses/{self.their_course}/roster",
                   {"items": [{"teacher_id": self.mine, "attended": True}]})
        self.assertEqual(r.status, 404, r)
        before = count("SELECT COUNT(*) FROM training_roster WHERE teacher_id = ?", self.theirs[0])
        r = sa.put(f"/training/courses/{self.county_course}/roster",
                   {"items": [{"teacher_id": self.theirs[0], "attended": True}]})
        self.assertEqual(r.status, 404, r)
        self.assertNotIn(self.theirs[1], r.body.decode("utf-8"))
        # By file: another school's ID number is a problem of its row, naming nobody.
        csv = f"身份证号,是否参训\n{self.theirs[2]},是\n".encode()
        r = sa.upload(f"/training/courses/{self.county_course}/roster/import", "名单.csv", csv)
        self.assertEqual(r.status, 422, r)
        self.assertNotIn(self.theirs[1], r.body.decode("utf-8"))
        self.assertEqual(count("SELECT COUNT(*) FROM training_roster WHERE teacher_id = ?", self.theirs[0]), before)
        self.assertEqual(sa.get(f"/teachers/{self.theirs[0]}/history").status, 404)

    def test_huge_and_malformed_rosters(self):
        admin = Session("admin")
        path = f"/training/courses/{self.county_course}/roster"
        for body in ({"items": [{"teacher_id": self.mine, "attended": True}] * 6000},
                     {"items": "all"}, {"items": [1, 2]}, {"items": [{"teacher_id": 2**63}]},
                     {"items": [{"teacher_id": "1 OR 1=1"}]}, {"items": [{"teacher_id": self.mine, "hours_credited": 10**20}]}):
            r = admin.put(path, body)
            self.assertIn(r.status, (400, 404, 413, 422), (str(body)[:80], r))
        for name, content in (("名单.xlsx", b"PK\x03\x04" + b"\x00" * 2000), ("名单.csv", b"\xff\xfe\x00\x00" * 500),
                              ("名单.csv", b""), ("名单.csv", "身份证号,是否参训\n".encode() + b"1,\xff\n" * 20000)):
            r = admin.upload(f"{path}/import", name, content)
            self.assertIn(r.status, (400, 413, 422), (name, r))

    def test_bad_ids(self):
        admin = Session("admin")
        for path in (f"/training/courses/{2**63}/roster", "/training/courses/-1/roster",
                     "/training/courses/1%20OR%201=1/roster", "/training/courses/" + "9" * 5000 + "/roster",
                     f"/teachers/{2**63}/history", "/training/rates?year=99999999999999999999",
                     "/training/rates/rows?by=school&id=abc", "/training/courses?school_id=%ff"):
            r = admin.get(path)
            self.assertIn(r.status, (400, 404, 414), (path[:60], r))
