"""Anonymous requests: nothing answers without a session except login."""
from client import SecurityCase, Session


class AnonymousTest(SecurityCase):
    def test_registers_need_a_session(self):
        anon = Session()
        for path in ["/schools", "/students", "/teachers", "/users", "/audit", "/exams", "/imports"]:
            r = anon.get(path)
            self.assertEqual(r.status, 401, path)
            self.assertEqual(r.json()["code"], "unauthenticated", path)


if __name__ == "__main__":
    import unittest
    unittest.main()
