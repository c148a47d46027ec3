"""交流轮岗 (POST /cases kind exchange, its actions, GET /exchange/plan, GET
/exchange/teachers/{id}, POST /exchange/proposals) as the wrong people and
with bad input: another
school's teacher, bad bytes, huge or hostile values, an action the role may
not take. Nothing refused writes a row or moves a teacher (read straight
from the SQLite file), and the server survives."""
import sqlite3

from client import DB, SecurityCase, Session


def rows():
    """Every case, the exchange records and every teacher's school, as stored."""
    with sqlite3.connect(DB) as db:
        return (db.execute("SELECT * FROM cases ORDER BY id").fetchall(),
                db.execute("SELECT * FROM teacher_exchanges ORDER BY id").fetchall(),
                db.execute("SELECT id, school_id FROM teachers ORDER BY id").fetchall())


class ExchangeTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.school_admin = Session("school_admin")
        cls.admin = Session("admin")
        with sqlite3.connect(DB) as db:
            cls.own = db.execute("SELECT school_id FROM users WHERE username = 'school_admin'").fetchone()[0]
            cls.other = db.execute("SELECT id FROM schools WHERE id <> ? ORDER BY id LIMIT 1", (cls.own,)).fetchone()[0]
            cls.mine = db.execute("SELECT id FROM teachers WHERE school_id = ? AND id NOT IN "
                                  "(SELECT teacher_id FROM cases WHERE teacher_id IS NOT NULL) "
                                  "ORDER BY id DESC LIMIT 1", (cls.own,)).fetchone()[0]
            cls.theirs = db.execute("SELECT id FROM teachers WHERE school_id <> ? ORDER BY id LIMIT 1",
                                    (cls.own,)).fetchone()[0]

    def application(self, **over):
        body = {"kind": "exchange", "action": "apply", "teacher_id": self.mine, "target_school_id": self.other,
                "start_on": "2026-09-01", "years": "3"}
        body.update(over)
        return body

    def test_bad_applications_write_nothing(self):
        before = rows()
        bad = [self.application(teacher_id=self.theirs), self.application(target_school_id=self.own),
               self.application(teacher_id="1 OR 1=1"), self.application(teacher_id=2**63),
               self.application(teacher_id=-1), self.application(target_school_id=99999999),
               self.application(years="99"), self.application(years="x" * 100000),
               self.application(years="\x003"), self.application(start_on="2026-02-30"),
               self.application(start_on=["2026-09-01"]), self.application(teacher_id=None)]
        for body in bad:
            r = self.school_admin.post("/cases", body)
            self.assertIn(r.status, (400, 413, 422), (str(body)[:80], r))
            self.assertIn("message", r.json())
        before = rows()
        for role in ("officer", "teacher", "inspector", "admin"):
            self.assertEqual(Session(role).post("/cases", self.application()).status, 403, role)
        self.assertEqual(Session().post("/cases", self.application()).status, 401)
        self.assertEqual(rows(), before)

    def test_forbidden_actions_write_nothing(self):
        r = self.school_admin.post("/cases", self.application())
        self.assertEqual(r.status, 201, r)
        case = r.json()["case"]["id"]
        before = rows()
        attempts = [("school_admin", "accept"), ("school_admin", "approve"), ("admin", "accept"),
                    ("admin", "approve"), ("admin", "return"), ("officer", "refuse"), ("teacher", "accept"),
                    ("inspector", "refuse"), ("school_admin", "return"), ("school_admin", "DROP")]
        for role, action in attempts:
            r = Session(role).post(f"/cases/{case}/actions/{action}", {"reason": "x", "date": "2026-09-01"})
            self.assertIn(r.status, (403, 404, 409), (role, action, r))
        self.assertEqual(Session("teacher").get(f"/cases/{case}").status, 404)
        self.assertEqual(rows(), before)

    def test_plan_and_history_refuse_bad_input_and_other_schools(self):
        for q in ("abc", str(2**63), "2026;DROP%20TABLE%20cases", "-1", "1800", "%00"):
            r = self.admin.get(f"/exchange/plan?year={q}")
            self.assertIn(r.status, (400, 422), (q, r))
        self.assertEqual(Session("teacher").get("/exchange/plan").status, 403)
        self.assertEqual(Session().get("/exchange/plan").status, 401)
        r = self.school_admin.get("/exchange/plan")
        self.assertEqual(r.status, 200, r)
        for school in r.json()["schools"]:
            self.assertEqual(school["school_id"], self.own)
        self.assertEqual(self.school_admin.get(f"/exchange/teachers/{self.theirs}").status, 404)
        self.assertEqual(self.school_admin.get(f"/exchange/teachers/{2**63}").status, 404)
        self.assertEqual(self.school_admin.get(f"/exchange/teachers/{self.mine}").status, 200)

    def test_withdrawals_by_the_wrong_party_write_nothing(self):
        with sqlite3.connect(DB) as db:
            teacher = db.execute("SELECT id FROM teachers WHERE school_id = ? AND id NOT IN "
                                 "(SELECT teacher_id FROM cases WHERE teacher_id IS NOT NULL) "
                                 "ORDER BY id DESC LIMIT 1 OFFSET 1", (self.own,)).fetchone()[0]
        r = self.admin.post("/cases", self.application(action="propose", teacher_id=teacher))
        self.assertEqual(r.status, 201, r)
        case = r.json()["case"]["id"]
        before = rows()
        for role, action in [("school_admin", "withdraw_proposal"), ("school_admin", "withdraw"),
                             ("officer", "withdraw_proposal"), ("teacher", "withdraw_proposal"),
                             ("inspector", "withdraw"), ("admin", "withdraw")]:
            r = Session(role).post(f"/cases/{case}/actions/{action}", {"reason": "撤回"})
            self.assertIn(r.status, (403, 404, 409), (role, action, r))
        for reason in ("", "\x00", "x" * 100000, ["撤回"], None):
            r = self.admin.post(f"/cases/{case}/actions/withdraw_proposal", {"reason": reason})
            self.assertIn(r.status, (400, 413, 422), (str(reason)[:20], r))
        self.assertEqual(rows(), before)

    def test_proposals_at_once_refuse_bad_lists_and_write_nothing(self):
        def move(**over):
            body = {"teacher_id": self.theirs, "target_school_id": self.own, "start_on": "2026-09-01", "years": "3"}
            body.update(over)
            return body
        before = rows()
        bad = [{}, {"proposals": {}}, {"proposals": "x"}, {"proposals": []}, {"proposals": [1]},
               {"proposals": [[move()]]}, {"proposals": [move()] * 201},
               {"proposals": [move(), move(teacher_id=99999999)]}, {"proposals": [move(teacher_id="1 OR 1=1")]},
               {"proposals": [move(teacher_id=2**63)]}, {"proposals": [move(years="\x003")]},
               {"proposals": [move(start_on="2026-02-30")]}, {"proposals": [move(target_school_id=99999999)]},
               {"proposals": [move(years="x" * 100000)]}, {"proposals": [move(), move()]}]
        for body in bad:
            r = self.admin.post("/exchange/proposals", body)
            self.assertIn(r.status, (400, 409, 413, 422), (str(body)[:80], r))
            if r.status != 413:
                self.assertRegex(r.json()["message"], "[\u4e00-\u9fff]", str(body)[:80])
        for raw in (b"{", b"\xff\xfe", b"[]", b'{"proposals": [' + b"{}," * 1_000_000 + b"{}]}"):
            r = self.admin.request("POST", "/exchange/proposals", raw_body=raw,
                                   headers={"Content-Type": "application/json"})
            self.assertIn(r.status, (400, 413, 422), (raw[:20], r))
        # A school proposes nothing, not even its own teacher; the others neither.
        for role in ("school_admin", "officer", "teacher", "inspector"):
            r = Session(role).post("/exchange/proposals", {"proposals": [move(teacher_id=self.mine)]})
            self.assertEqual(r.status, 403, role)
        self.assertEqual(Session().post("/exchange/proposals", {"proposals": [move()]}).status, 401)
        self.assertEqual(rows(), before)

