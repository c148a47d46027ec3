"""数据核查 (GET /checks, /checks/{kind}, /exports/checks/{kind}.xlsx) as the
wrong people and with bad input: roles without checks are refused, a school
admin's rows all name their school, bad kinds, bytes and paging are refused,
and nothing is written (read straight from the SQLite file)."""
import sqlite3

from client import DB, SecurityCase, Session, get_raw_path


def counts():
    with sqlite3.connect(DB) as db:
        return [db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("students", "cases", "audit_changes", "settings")]


class ChecksTest(SecurityCase):
    def test_roles_and_scope(self):
        for role in ("teacher", "inspector"):
            for path in ("/checks", "/checks/duplicates", "/exports/checks/duplicates.xlsx"):
                self.assertEqual(Session(role).get(path).status, 403, (role, path))
        self.assertEqual(Session().get("/checks").status, 401)
        with sqlite3.connect(DB) as db:
            own = db.execute("SELECT s.name FROM users u JOIN schools s ON s.id = u.school_id "
                             "WHERE u.username = 'school_admin'").fetchone()[0]
        sa = Session("school_admin")
        for kind in ("duplicates", "sat_elsewhere", "lost_transfers"):
            r = sa.get(f"/checks/{kind}?size=200")
            self.assertEqual(r.status, 200, r)
            for row in r.json()["items"]:
                self.assertIn(own, (row["school_name"], row["other_school_name"]), row)

    def test_bad_input_writes_nothing(self):
        before = counts()
        admin = Session("admin")
        for path in ("/checks/DUPLICATES", "/checks/duplicates%00", "/checks/" + "a" * 5000,
                     "/checks/duplicates?page=-1", "/checks/duplicates?size=100000",
                     "/checks/duplicates?page=99999999999999999999", "/checks/duplicates?page=%ff",
                     "/checks/../users", "/exports/checks/nothing.xlsx", "/exports/checks/duplicates.xlsx?x=" + "y" * 20000,
                     "/checks/%e6%95%b0%e6%8d%ae"):
            r = admin.get(path)
            self.assertIn(r.status, (400, 404, 414, 431), (path[:60], r))
        get_raw_path(b"/api/v1/checks/\xff\xfe")
        for method in ("POST", "PUT"):
            r = admin.request(method, "/checks/duplicates", {"kind": "x"})
            self.assertIn(r.status, (404, 405), (method, r))
        self.assertEqual(counts(), before)
