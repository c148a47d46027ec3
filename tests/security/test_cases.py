"""学籍异动 cases (POST /cases, POST /cases/{id}/actions/{action}, GET /cases)
as the wrong people and with bad input: another school's student or case, bad
bytes, huge input, an action the role may not take, an action not allowed from
the state. Nothing refused writes a row (read straight from the SQLite file),
and the server survives."""
import sqlite3

from client import DB, SecurityCase, Session


def rows():
    """Every case, its log and every student's school, as stored."""
    with sqlite3.connect(DB) as db:
        return (db.execute("SELECT * FROM cases ORDER BY id").fetchall(),
                db.execute("SELECT COUNT(*) FROM case_log").fetchone(),
                db.execute("SELECT id, school_id, class_id FROM students ORDER BY id").fetchall())


class CasesTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.school_admin = Session("school_admin")
        with sqlite3.connect(DB) as db:
            cls.own = db.execute("SELECT school_id FROM users WHERE username = 'school_admin'").fetchone()[0]
            cls.other = db.execute("SELECT id FROM schools WHERE id <> ? ORDER BY id LIMIT 1", (cls.own,)).fetchone()[0]
            cls.mine = db.execute("SELECT id FROM students WHERE school_id = ? AND status = '在读' "
                                  "ORDER BY id DESC LIMIT 1", (cls.own,)).fetchone()[0]
            cls.theirs = db.execute("SELECT id FROM students WHERE school_id <> ? LIMIT 1", (cls.own,)).fetchone()[0]
        # A 证明材料 of the school admin's, never attached (every application below is refused).
        cls.evidence = cls.school_admin.upload("/cases/attachments", "证明.pdf", b"%PDF-1.4\n%%EOF\n").json()["id"]

    def application(self, **over):
        body = {"kind": "transfer", "student_id": self.mine, "target_school_id": self.other,
                "reason": "随父母迁居", "date": "2026-11-20"}
        body.update(over)
        return body

    def test_bad_applications_write_nothing(self):
        before = rows()
        bad = [self.application(student_id=self.theirs), self.application(target_school_id=self.own),
               self.application(student_id="1 OR 1=1"), self.application(student_id=2**63),
               self.application(student_id=-1), self.application(target_school_id=99999999),
               self.application(reason="x" * 100000), self.application(reason="\x00坏"),
               self.application(date="2026-02-30"), self.application(kind="other"),
               self.application(kind=["transfer"]), self.application(reason=None)]
        for body in bad:
            r = self.school_admin.post("/cases", body)
            self.assertIn(r.status, (400, 413, 422), (str(body)[:80], r))
            self.assertIn("message", r.json())
        r = self.school_admin.request("POST", "/cases", raw_body=b"\xff\xfe{\"kind\":")
        self.assertEqual(r.status, 400, r)
        for role in ("admin", "officer", "teacher", "inspector"):
            self.assertEqual(Session(role).post("/cases", self.application()).status, 403, role)
        self.assertEqual(Session().post("/cases", self.application()).status, 401)
        self.assertEqual(rows(), before)

    def test_forbidden_actions_write_nothing(self):
        r = self.school_admin.post("/cases", self.application())
        self.assertEqual(r.status, 201, r)
        case = r.json()["case"]["id"]
        before = rows()
        attempts = [("school_admin", "accept"), ("school_admin", "approve"), ("admin", "accept"),
                    ("admin", "approve"), ("officer", "withdraw"), ("teacher", "withdraw"),
                    ("inspector", "refuse"), ("school_admin", "apply"), ("school_admin", "DROP")]
        for role, action in attempts:
            r = Session(role).post(f"/cases/{case}/actions/{action}", {"reason": "x", "class_id": 1})
            self.assertIn(r.status, (403, 404, 409), (role, action, r))
        for path in (f"/cases/{case + 100000}/actions/withdraw", f"/cases/{2**63}/actions/withdraw",
                     f"/cases/{case}/actions/withdraw/../accept"):
            self.assertIn(self.school_admin.post(path, {"reason": "x"}).status, (404,), path)
        r = self.school_admin.post(f"/cases/{case}/actions/withdraw", {"reason": "y" * 100000})
        self.assertIn(r.status, (413, 422), r)
        self.assertEqual(Session("teacher").get(f"/cases/{case}").status, 404)
        self.assertEqual(Session("teacher").get("/cases").status, 403)
        self.assertEqual(rows(), before)
        r = self.school_admin.post(f"/cases/{case}/actions/withdraw", {"reason": "家长改变主意"})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["case"]["state"], "已撤回")

    def test_every_kind_refuses_bad_input_and_other_schools(self):
        """The new kinds' fields (enum, province, dates, 身份证号) with bad bytes,
        huge or hostile values, another school's student: refused, nothing written."""
        before = rows()
        def kind(kind_name, /, **over):
            body = {"kind": kind_name, "student_id": self.mine, "reason": "原因", "date": "2026-11-20",
                    "evidence": self.evidence, "until": "2027-06-30", "destination_school": "外县一中",
                    "province": "湖南省", "class_id": 1}
            body.update(over)
            return body
        bad = [kind("transfer_out", province="火星"), kind("transfer_out", province="\x00湖南省"),
               kind("transfer_out", destination_school="校" * 100000), kind("transfer_out", province=["湖南省"]),
               kind("suspend", until="2030-01-01"), kind("suspend", until="tomorrow"),
               kind("suspend", evidence=None), kind("death", student_id=self.theirs),
               kind("withdrawal", student_id=self.theirs), kind("resume", student_id=self.mine),
               kind("repeat_grade", class_id=2**62), kind("skip_grade", class_id="1; DROP TABLE cases"),
               kind("suspend", action="request"), kind("suspend", action=["apply"]),
               {"kind": "transfer", "action": "request", "id_number": "' OR 1=1 --", "class_id": 1,
                "reason": "x", "date": "2026-11-20"},
               {"kind": "transfer", "action": "request", "id_number": "4" * 100000, "class_id": 1,
                "reason": "x", "date": "2026-11-20"},
               {"kind": "transfer", "action": "request", "id_number": "\xff\xfe", "class_id": 1,
                "reason": "x", "date": "2026-11-20"},
               kind("transfer_in", name="新生", id_number="43052120150101001X", gender="男", birth_date="2015-01-01",
                    ethnicity="汉族", household="农村", from_school="外县小学"),
               kind("transfer_in", name="\x00", id_number="1" * 100000, gender="男", birth_date="2015-01-01",
                    ethnicity="汉族", household="农村", from_school="外县小学"),
               kind("transfer_in", name="新生", id_number="430521201501010011", gender="未知", birth_date="2015-13-01",
                    ethnicity="火星族", household="农村", from_school="外县小学")]
        for body in bad:
            r = self.school_admin.post("/cases", body)
            self.assertIn(r.status, (400, 409, 413, 422), (str(body)[:80], r))
            self.assertIn("message", r.json())
        for query in ("school_id=abc", "school_id=" + "9" * 40, "overdue=%ff%fe", "school_id=-1&overdue=1"):
            r = Session("admin").get("/cases?box=all&" + query)
            self.assertIn(r.status, (200, 400), (query, r))
        self.assertEqual(Session("school_admin").get("/cases/overdue").status, 403)
        self.assertEqual(Session().get("/cases/overdue").status, 401)
        self.assertEqual(rows(), before)
