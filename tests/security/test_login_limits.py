"""Login throttling (issue 8.8): one address guessing across many usernames is
stopped after 20 failures in 5 minutes, the per-username rule still holds, and
sixteen logins at once leave the server answering other requests.

Each test logs in from its own loopback address (127.0.0.x: all of 127/8 is this
machine), so the failures it spends never lock out the other test files, which
log in from 127.0.0.1; and only failures count, so their successful logins never
spend a budget either."""
import http.client
import json
import sqlite3
import threading
import unittest

from client import API, DB, HOST, PASSWORD, PORT, SecurityCase, Session


def login_from(address, username, password):
    """(status, body as JSON) of a login sent from `address`."""
    conn = http.client.HTTPConnection(HOST, PORT, timeout=120, source_address=(address, 0))
    conn.request("POST", API + "/auth/login",
                 body=json.dumps({"username": username, "password": password}).encode(),
                 headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    body = json.loads(r.read() or b"{}")
    conn.close()
    return r.status, body


class LoginLimitsTest(SecurityCase):
    def test_one_address_guessing_many_usernames_is_stopped(self):
        statuses = [login_from("127.0.0.5", f"nobody{i}", "Guess@2026")[0] for i in range(25)]
        self.assertEqual(statuses, [401] * 20 + [429] * 5)
        status, body = login_from("127.0.0.5", "officer", PASSWORD)
        self.assertEqual(status, 429, body)
        self.assertEqual(body["code"], "too_many_attempts")
        self.assertIn("分钟后再试", body["message"])
        Session("officer")  # another address is not affected

    def test_one_username_is_still_limited_from_one_address(self):
        for _ in range(5):
            self.assertEqual(login_from("127.0.0.6", "inspector", "Guess@2026")[0], 401)
        self.assertEqual(login_from("127.0.0.6", "inspector", PASSWORD)[0], 429)
        self.assertEqual(login_from("127.0.0.6", "teacher", PASSWORD)[0], 200)

    def test_sixteen_logins_at_once_leave_other_requests_answered(self):
        officer = Session("officer")
        results = []

        def login():
            results.append(login_from("127.0.0.7", "teacher", PASSWORD))

        threads = [threading.Thread(target=login) for _ in range(16)]
        for t in threads:
            t.start()
        me = officer.get("/auth/me")
        for t in threads:
            t.join()
        self.assertEqual(me.status, 200, me)
        self.assertEqual(len(results), 16)
        for status, body in results:
            self.assertIn(status, (200, 429), body)
            if status == 429:
                self.assertEqual(body, {"code": "busy", "message": "服务器繁忙,请稍后再试"})

    def test_each_failure_is_one_row_and_refused_names_spend_nothing(self):
        """The budget is kept in the database (login_failures): a name with control
        characters, one too long, or not text at all is refused (422/400) before
        any password check and writes nothing; a name shaped like SQL is an
        ordinary failure, kept as typed."""
        address = "127.0.0.8"
        statuses = [login_from(address, name, "Guess@2026")[0] for name in
                    ["ghost\x00admin", "gh\tost", "x" * 100_000, ["officer"], "' OR '1'='1' --", "鬼"]]
        self.assertEqual(statuses, [422, 422, 422, 400, 401, 401])
        with sqlite3.connect(DB) as db:
            rows = db.execute("SELECT username FROM login_failures WHERE address = ? ORDER BY at, username",
                              (address,)).fetchall()
        self.assertEqual(sorted(r[0] for r in rows), sorted(["' OR '1'='1' --", "鬼"]))


if __name__ == "__main__":
    unittest.main()
