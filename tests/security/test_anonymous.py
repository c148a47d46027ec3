"""Anonymous requests: nothing answers without a session except login and the
first-run check, and first-run set-up is closed once the county exists."""
import sqlite3

from client import DB, SecurityCase, Session


class AnonymousTest(SecurityCase):
    def test_registers_need_a_session(self):
        anon = Session()
        for path in ["/schools", "/students", "/teachers", "/users", "/audit", "/exams", "/imports"]:
            r = anon.get(path)
            self.assertEqual(r.status, 401, path)
            self.assertEqual(r.json()["code"], "unauthenticated", path)

    def test_first_run_is_closed_on_a_set_up_county(self):
        anon = Session()
        self.assertEqual(anon.get("/setup").json(), {"needed": False})
        users = count_users()
        bodies = [{"setup_code": "", "county": "x", "county_code": "430521", "username": "evil",
                   "password": "Evil#12345678"},
                  {"setup_code": ["A"] * 100000},
                  {"county": "\u0000" * 1000}]
        for body in bodies:
            r = anon.post("/setup", body)
            self.assertEqual(r.status, 409, r)
        r = anon.request("POST", "/setup", raw_body=b'{"setup_code": "\xff\xfe"}',
                         headers={"Content-Type": "application/json"})
        self.assertIn(r.status, (400, 409), r)
        self.assertEqual(count_users(), users)


def count_users():
    with sqlite3.connect(DB) as db:
        return db.execute("SELECT COUNT(*) FROM users").fetchone()[0]


if __name__ == "__main__":
    import unittest
    unittest.main()
