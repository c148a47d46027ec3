"""证明材料 (POST /cases/attachments, GET /cases/{id}/attachments/{aid}) as the
wrong people and with bad input: bytes that are no PDF/JPG/PNG whatever their
name, a body past 5 MB, a broken multipart body, hostile file names, another
user's file named in an application, another school's case's file, malformed
and huge ids. Nothing refused is stored (read straight from the SQLite file),
and the server survives."""
import sqlite3

from client import DB, SecurityCase, Session, get_raw_path

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n"


def stored():
    with sqlite3.connect(DB) as db:
        return (db.execute("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM case_attachments").fetchone(),
                db.execute("SELECT COUNT(*) FROM cases").fetchone())


class CaseAttachmentsTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.school_admin = Session("school_admin")
        with sqlite3.connect(DB) as db:
            own = db.execute("SELECT school_id FROM users WHERE username = 'school_admin'").fetchone()[0]
            cls.mine = db.execute("SELECT id FROM students WHERE school_id = ? AND status = '在读' AND id NOT IN "
                                  "(SELECT student_id FROM cases WHERE student_id IS NOT NULL) ORDER BY id LIMIT 1",
                                  (own,)).fetchone()[0]
            other = db.execute("SELECT id FROM schools WHERE id <> ? AND id IN (SELECT school_id FROM students "
                               "WHERE status = '在读') ORDER BY id LIMIT 1", (own,)).fetchone()[0]
            pupil = db.execute("SELECT id FROM students WHERE school_id = ? AND status = '在读' ORDER BY id LIMIT 1",
                               (other,)).fetchone()[0]
        # Another school's admin applies with a file: a case this school admin is no party to.
        made = Session("admin").post("/users", {"username": "sec_other_admin", "display_name": "他校管理员",
                                                "password": "Other2026x", "role": "school_admin", "school_id": other})
        assert made.status == 201, made
        theirs = Session("sec_other_admin", "Other2026x")
        file = theirs.upload("/cases/attachments", "他校证明.pdf", PDF).json()["id"]
        case = theirs.post("/cases", {"kind": "death", "student_id": pupil, "reason": "x", "date": "2026-11-20",
                                      "evidence": file}).json()["case"]["id"]
        cls.theirs = (case, file)

    def test_bad_files_store_nothing(self):
        before = stored()
        bad = [("证明.pdf", b"MZ\x90\x00 an exe"), ("证明.png", b"GIF89a"), ("证明.jpg", b"\xff\xd8"),
               ("空.pdf", b""), ("x" * 5000 + ".pdf", PDF), ("\x01坏.pdf", PDF),
               ("大.pdf", PDF + b"\0" * (5 * 1024 * 1024))]
        for name, content in bad:
            r = self.school_admin.upload("/cases/attachments", name, content)
            self.assertIn(r.status, (400, 413, 422), (name[:40], r))
            self.assertIn("message", r.json())
        r = self.school_admin.upload("/cases/attachments", "证明.pdf", PDF, field="other")
        self.assertEqual(r.status, 422, r)
        r = self.school_admin.request("POST", "/cases/attachments", raw_body=b"--x\r\n\xff\xfe garbage",
                                      headers={"Content-Type": "multipart/form-data; boundary=x"})
        self.assertIn(r.status, (400, 422), r)
        r = self.school_admin.request("POST", "/cases/attachments", raw_body=PDF,
                                      headers={"Content-Type": "application/pdf"})
        self.assertIn(r.status, (400, 422), r)
        for role in ("teacher", "inspector"):
            self.assertEqual(Session(role).upload("/cases/attachments", "证明.pdf", PDF).status, 403, role)
        self.assertEqual(Session().upload("/cases/attachments", "证明.pdf", PDF).status, 401)
        self.assertEqual(stored(), before)

    def test_another_users_file_and_bad_ids_in_an_application(self):
        other = Session("admin").upload("/cases/attachments", "局里的.pdf", PDF)
        self.assertEqual(other.status, 201, other)
        before = stored()
        for evidence in (other.json()["id"], 2**63, -1, "1 OR 1=1", [1], 99999999, "\x00"):
            r = self.school_admin.post("/cases", {"kind": "death", "student_id": self.mine, "reason": "x",
                                                  "date": "2026-11-20", "evidence": evidence})
            self.assertIn(r.status, (400, 422), (evidence, r))
        self.assertEqual(stored(), before)

    def test_another_schools_file_is_not_found(self):
        case, file = self.theirs
        r = self.school_admin.get(f"/cases/{case}/attachments/{file}")
        self.assertEqual(r.status, 404, r)
        self.assertNotIn(b"%PDF", r.body)
        self.assertEqual(Session("admin").get(f"/cases/{case}/attachments/{file}").status, 200)
        for path in (f"/cases/{case}/attachments/{2**63}", f"/cases/{2**63}/attachments/{file}",
                     f"/cases/{case}/attachments/-1", f"/cases/{case}/attachments/1%20OR%201=1",
                     f"/cases/{case}/attachments/" + "9" * 5000, f"/cases/{case}/attachments/{file}/../../1"):
            r = Session("admin").get(path)
            self.assertIn(r.status, (400, 404, 414), (path[:60], r))
        get_raw_path(f"/api/v1/cases/{case}/attachments/\xff\xfe".encode("latin-1"))
        self.assertEqual(Session().get(f"/cases/{case}/attachments/{file}").status, 401)
