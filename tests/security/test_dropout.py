"""控辍保学 (POST /cases kind dropout, its actions, GET /dropout/report and
/exports/dropout.xlsx) as the wrong people and with bad input: another
township's child or case, bad bytes, huge input, bad periods, a class that is
not this year's. Nothing refused writes a row (read straight from the SQLite
file), and the server survives."""
import sqlite3
import urllib.parse

from client import DB, SecurityCase, Session


def rows():
    """Every case, its log and every student's school, class and status, as stored."""
    with sqlite3.connect(DB) as db:
        return (db.execute("SELECT * FROM cases ORDER BY id").fetchall(),
                db.execute("SELECT COUNT(*) FROM case_log").fetchone(),
                db.execute("SELECT id, school_id, class_id, status FROM students ORDER BY id").fetchall())


class DropoutTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.officer = Session("officer")
        with sqlite3.connect(DB) as db:
            area = db.execute("SELECT area_id FROM users WHERE username = 'officer'").fetchone()[0]
            cls.mine = db.execute("SELECT id FROM students WHERE status = '在读' AND school_id IN (SELECT id FROM "
                                  "schools WHERE area_id = ?) AND id NOT IN (SELECT student_id FROM cases WHERE student_id IS NOT NULL) "
                                  "ORDER BY id DESC LIMIT 1", (area,)).fetchone()[0]
            cls.theirs = db.execute("SELECT id FROM students WHERE school_id IN (SELECT id FROM schools WHERE "
                                    "area_id <> ?) LIMIT 1", (area,)).fetchone()[0]
            cls.old_class = db.execute("SELECT id FROM classes WHERE school_year < (SELECT MAX(school_year) "
                                       "FROM classes) LIMIT 1").fetchone()[0]

    def report(self, **over):
        body = {"kind": "dropout", "student_id": self.mine, "reason": "连续四周无故缺课", "date": "2026-11-20"}
        body.update(over)
        return body

    def test_bad_reports_write_nothing(self):
        before = rows()
        bad = [self.report(student_id=self.theirs), self.report(student_id="1 OR 1=1"),
               self.report(student_id=2**63), self.report(student_id=-1), self.report(student_id=99999999),
               self.report(reason="x" * 100000), self.report(reason="\x00坏"), self.report(date="2026-02-30"),
               self.report(date="'; DROP TABLE cases;--"), self.report(reason=None), self.report(reason=["辍学"])]
        for body in bad:
            r = self.officer.post("/cases", body)
            self.assertIn(r.status, (400, 413, 422), (str(body)[:80], r))
            self.assertIn("message", r.json())
        r = self.officer.request("POST", "/cases", raw_body=b"\xff\xfe{\"kind\":\"dropout\"")
        self.assertEqual(r.status, 400, r)
        for role in ("admin", "teacher", "inspector"):
            self.assertEqual(Session(role).post("/cases", self.report()).status, 403, role)
        self.assertEqual(Session().post("/cases", self.report()).status, 401)
        self.assertEqual(rows(), before)

    def test_bad_actions_write_nothing(self):
        r = self.officer.post("/cases", self.report())
        self.assertEqual(r.status, 201, r)
        case = r.json()["case"]["id"]
        before = rows()
        visit = {"visit_date": "2026-11-25", "visitors": "王老师", "talk": "谈话", "next_step": "再访",
                 "next_visit_on": "2026-12-01"}
        attempts = [("officer", "visit", visit),  # not yet assigned: 待核实认定
                    ("officer", "close_returned", {"class_id": 1, "date": "2026-11-29"}),
                    ("school_admin", "assign", {"leader_name": "x"}), ("admin", "dismiss", {"reason": "x"}),
                    ("teacher", "dismiss", {"reason": "x"}), ("inspector", "dismiss", {"reason": "x"}),
                    ("officer", "report", {}), ("officer", "DROP", {})]
        for role, action, body in attempts:
            r = Session(role).post(f"/cases/{case}/actions/{action}", body)
            self.assertIn(r.status, (403, 404, 409), (role, action, r))
        assign = {"leader_name": "李校长", "leader_phone": "1", "teacher_name": "王老师", "teacher_phone": "2",
                  "cadre_name": "张主任", "cadre_phone": "3", "next_visit_on": "2026-13-01"}
        self.assertEqual(self.officer.post(f"/cases/{case}/actions/assign", assign).status, 422)
        assign["next_visit_on"] = "2026-12-01"
        assign["cadre_name"] = "y" * 100000
        self.assertIn(self.officer.post(f"/cases/{case}/actions/assign", assign).status, (413, 422))
        self.assertEqual(rows(), before)
        assign["cadre_name"] = "张主任"
        self.assertEqual(self.officer.post(f"/cases/{case}/actions/assign", assign).status, 200)
        before = rows()
        for body in ({"class_id": self.old_class, "date": "2026-11-29"}, {"class_id": 2**63, "date": "2026-11-29"},
                     {"class_id": "1; DROP", "date": "2026-11-29"}, {"class_id": 1}):
            r = self.officer.post(f"/cases/{case}/actions/close_returned", body)
            self.assertIn(r.status, (400, 404, 422), (body, r))
        self.assertEqual(rows(), before)

    def test_reports_refuse_bad_periods_and_other_roles(self):
        for query in ("from=2026-09-01&to=2026-02-30", "from=x&to=y", "from=2026-09-01", "period=decade",
                      "from=2026-12-01&to=2026-09-01", "period=" + "w" * 5000,
                      "from=" + urllib.parse.quote("2026-09-01'--") + "&to=2026-12-01"):
            for path in ("/dropout/report?", "/exports/dropout.xlsx?"):
                r = self.officer.get(path + query)
                self.assertIn(r.status, (400, 414, 422, 431), (path, query[:40], r))
        for role in ("teacher", "inspector"):
            self.assertEqual(Session(role).get("/dropout/report").status, 403)
            self.assertEqual(Session(role).get("/exports/dropout.xlsx").status, 403)
        self.assertEqual(Session().get("/dropout/report").status, 401)
        # An officer's report holds their township's cases only.
        with sqlite3.connect(DB) as db:
            area = db.execute("SELECT area_id FROM users WHERE username = 'officer'").fetchone()[0]
            theirs = {r[0] for r in db.execute(
                "SELECT c.id FROM cases c JOIN schools s ON s.id = c.school_id WHERE c.kind = 'dropout' AND "
                "s.area_id NOT IN (WITH RECURSIVE t(id) AS (SELECT ? UNION ALL SELECT a.id FROM areas a JOIN t "
                "ON a.parent_id = t.id) SELECT id FROM t)", (area,))}
        shown = {c["id"] for c in self.officer.get("/dropout/report").json()["cases"]}
        self.assertFalse(shown & theirs)
