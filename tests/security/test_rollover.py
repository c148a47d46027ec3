"""学年升级 (POST /rollover/preview, /rollover/commit) as the wrong people and with
bad bodies: only the bureau admin may, a bad body is a 400 (broken JSON) or a 422
naming to_year, and no
refusal opens a class or writes the audit log (read straight from the SQLite
file). Nothing here commits a rollover: the other tests rely on the demo year."""
import sqlite3

from client import DB, SecurityCase, Session


def opened():
    with sqlite3.connect(DB) as db:
        return (db.execute("SELECT COUNT(*) FROM classes WHERE school_year > 2026").fetchone()[0],
                # the demo's own 2025 and 2026 were opened by rollovers: only later ones count
                db.execute("SELECT COUNT(*) FROM audit_log WHERE action = 'rollover' AND entity_id > 2026")
                .fetchone()[0])


class RolloverTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")

    def test_only_the_bureau_may_roll_over(self):
        for role in ("officer", "school_admin", "teacher", "inspector"):
            who = Session(role)
            for path in ("/rollover/preview", "/rollover/commit"):
                r = who.post(path, {"to_year": 2027})
                self.assertEqual(r.status, 403, (role, path, r))
        r = Session().post("/rollover/commit", {"to_year": 2027})
        self.assertEqual(r.status, 401, r)
        r = self.admin.post("/rollover/commit", {"to_year": 2027}, headers={"X-CSRF-Token": "forged"})
        self.assertEqual(r.status, 403, r)
        self.assertEqual(opened(), (0, 0))

    def test_bad_bodies_are_400s_and_change_nothing(self):
        bodies = [{}, {"to_year": None}, {"to_year": "2027"}, {"to_year": 2027.5}, {"to_year": True},
                  {"to_year": [2027]}, {"to_year": -1}, {"to_year": 0}, {"to_year": 2**63},
                  {"to_year": 99999999999}, {"to_year": 2029}, {"to_year": 4294969323}]
        for body in bodies:
            for path in ("/rollover/preview", "/rollover/commit"):
                r = self.admin.post(path, body)
                self.assertIn(r.status, (400, 422), (path, body, r))  # broken JSON 400, a bad field 422
                self.assertIn("message", r.json())
        for raw in (b"", b"{", b"[]", b"\"to_year\"", b"{\"to_year\": 2027" + b" " * 10, b"\xff\xfe"):
            r = self.admin.request("POST", "/rollover/commit", raw_body=raw,
                                   headers={"Content-Type": "application/json"})
            self.assertEqual(r.status, 400, (raw, r))
        self.assertEqual(opened(), (0, 0))

    def test_a_year_already_opened_changes_nothing(self):
        r = self.admin.post("/rollover/commit", {"to_year": 2026})
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.json()["rollover"]["already_opened"])
        self.assertFalse(r.json()["rollover"]["committed"])
        self.assertEqual(opened(), (0, 0))
