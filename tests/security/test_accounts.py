"""用户管理 (PUT /users/{id}, POST /users/{id}/password) and the audit log's filters:
only the bureau may change an account; hostile bodies and ids change nothing; the
admin cannot lock themself out."""
import sqlite3

from client import DB, SecurityCase, Session


def users_table():
    with sqlite3.connect(DB) as db:
        return db.execute("SELECT id, display_name, role, area_id, school_id, teacher_id, active, "
                          "password_hash FROM users ORDER BY id").fetchall()


class AccountsTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")
        cls.users = {u["username"]: u for u in cls.admin.get("/users").json()["items"]}

    def change(self, username, **override):
        u = self.users[username]
        body = {k: u[k] for k in ("display_name", "role", "area_id", "school_id", "teacher_id", "active")}
        body.update(override)
        return body

    def test_only_the_bureau_changes_accounts(self):
        before = users_table()
        target = self.users["teacher"]["id"]
        for who in ("school_admin", "officer", "teacher", "inspector"):
            s = Session(who)
            r = s.put(f"/users/{target}", self.change("teacher", role="bureau_admin", school_id=None,
                                                        teacher_id=None))
            self.assertEqual(r.status, 403, (who, r))
            r = s.post(f"/users/{target}/password", {"password": "Takeover#2027"})
            self.assertEqual(r.status, 403, (who, r))
        self.assertEqual(users_table(), before)

    def test_hostile_bodies_and_ids_change_nothing(self):
        before = users_table()
        target = self.users["school_admin"]["id"]
        for path in (f"/users/{target}", "/users/99999999999999999999", "/users/0"):
            for body in [self.change("school_admin", role="超级管理员"),
                         self.change("school_admin", school_id=2 ** 62),
                         self.change("school_admin", school_id="1 OR 1=1"),
                         self.change("school_admin", active="yes"),
                         self.change("school_admin", display_name="a\u0000b"),
                         self.change("school_admin", display_name="x" * 100000),
                         {"role": ["bureau_admin"]}]:
                r = self.admin.put(path, body)
                self.assertIn(r.status, (400, 404, 413, 422), (path, body["role"], r))
        r = self.admin.request("PUT", f"/users/{target}", raw_body=b'{"display_name": "\xff"}',
                               headers={"Content-Type": "application/json"})
        self.assertIn(r.status, (400, 422), r)
        for password in ("", "short1", "x" * 100000, "\u0000" * 20):
            r = self.admin.post(f"/users/{target}/password", {"password": password})
            self.assertIn(r.status, (400, 413, 422), r)
        self.assertEqual(users_table(), before)

    def test_the_admin_cannot_lock_themself_out(self):
        me = self.users["admin"]["id"]
        self.assertEqual(self.admin.put(f"/users/{me}", self.change("admin", active=False)).status, 403)
        r = self.admin.put(f"/users/{me}", self.change("admin", role="inspector",
                                                       area_id=self.users["inspector"]["area_id"]))
        self.assertEqual(r.status, 403)
        self.assertEqual(self.admin.get("/auth/me").status, 200)

    def test_audit_filters_refuse_bad_values(self):
        for query in ("from=%ff", "to=2026-02-30", "from=2026-01-01'--", "username=%00",
                      "action=" + "x" * 5000, "entity_id=1e9"):
            r = self.admin.get("/audit?" + query)
            self.assertIn(r.status, (200, 400), (query, r))
            if r.status == 200:
                self.assertEqual(r.json()["total"], 0, query)


if __name__ == "__main__":
    import unittest
    unittest.main()
