"""A record's form (GET /meta/forms/{kind}) as the wrong people and with hostile
input: no session gets nothing, an unknown kind is a Chinese 404 naming the
kinds, bad bytes and huge paths are refused, another school's ids in the query
change nothing (a form is the same for every record of its kind), and the
server survives."""
from client import SecurityCase, Session, get_raw_path

KINDS = ("school", "student", "teacher", "class")


class RecordFormsTest(SecurityCase):
    def test_every_role_reads_every_form_and_no_one_else(self):
        self.assertEqual(Session().get("/meta/forms/student").status, 401)
        for role in ("admin", "officer", "school_admin", "teacher", "inspector"):
            session = Session(role)
            for kind in KINDS:
                r = session.get(f"/meta/forms/{kind}")
                self.assertEqual(r.status, 200, (role, kind, r))
                self.assertEqual(r.json()["kind"], kind)

    def test_an_unknown_kind_is_named_in_chinese(self):
        r = Session("school_admin").get("/meta/forms/exam")
        self.assertEqual(r.status, 404, r)
        self.assertEqual(r.json()["message"], "没有名为“exam”的表单;可用的表单:school、student、teacher、class")

    def test_bad_bytes_and_huge_paths_are_refused(self):
        session = Session("school_admin")
        for path in ("/meta/forms/" + "a" * 10000, "/meta/forms/STUDENT", "/meta/forms/student%00",
                     "/meta/forms/%e4%b8", "/meta/forms/student/../../users", "/meta/forms/"):
            r = session.get(path)
            self.assertIn(r.status, (400, 404, 414), (path[:40], r))
            self.assertNotIn("a" * 100, r.body.decode("utf-8", "replace"))
        for path in (b"/api/v1/meta/forms/student\xff", b"/api/v1/meta/forms/\xe4\xb8", b"/api/v1/meta/forms/" + b"x" * 100000):
            status, _, _ = get_raw_path(path)
            self.assertIn(status, (400, 401, 404, 414), path[:40])

    def test_another_schools_ids_in_the_query_change_nothing(self):
        session = Session("school_admin")
        mine = session.get("/meta/forms/student").json()
        others = Session("admin").get("/schools?size=5").json()["items"]
        for query in (f"?school_id={others[-1]['id']}", "?role=bureau_admin", "?school_id=%ff", "?x=" + "9" * 40):
            r = session.get("/meta/forms/student" + query)
            self.assertEqual(r.status, 200, (query, r))
            self.assertEqual(r.json(), mine, query)
