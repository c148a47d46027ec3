"""小升初 (GET /catchments, GET /transition, the catchment import) as the wrong
people and with bad input: only the bureau admin imports the 划片 (a refused or
bad upload writes no row, read straight from the SQLite file), a teacher may not
read the lists, a bad year is a 400 or 422, and the server survives."""
import sqlite3
from urllib.parse import quote

from client import DB, SecurityCase, Session


def catchments():
    """The 划片 rows as stored (the demo imports its own)."""
    with sqlite3.connect(DB) as db:
        return db.execute("SELECT school_id, middle_school_id FROM catchments ORDER BY school_id").fetchall()


class TransitionTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")
        with sqlite3.connect(DB) as db:
            cls.primary = db.execute("SELECT code FROM schools WHERE kind = '小学' LIMIT 1").fetchone()[0]
            cls.middle = db.execute("SELECT code FROM schools WHERE kind = '初级中学' LIMIT 1").fetchone()[0]

    def test_only_the_bureau_imports_the_catchment(self):
        before = catchments()
        good = f"小学标识码,对口初中标识码\n{self.primary},{self.middle}\n".encode()
        for role in ("officer", "school_admin", "teacher", "inspector"):
            r = Session(role).upload("/imports/catchment", "划片.csv", good)
            self.assertEqual(r.status, 403, (role, r))
            r = Session(role).get("/templates/catchment.xlsx")
            self.assertEqual(r.status, 403, (role, r))
        r = Session().upload("/imports/catchment", "划片.csv", good)
        self.assertEqual(r.status, 401, r)
        self.assertEqual(catchments(), before)

    def test_bad_catchment_files_write_nothing(self):
        before = catchments()
        files = [b"", b"\xff\xfe\x00", "小学标识码\n1\n".encode(),
                 f"小学标识码,对口初中标识码\n{self.middle},{self.primary}\n".encode(),
                 f"小学标识码,对口初中标识码\n{self.primary},'; DROP TABLE catchments; --\n".encode(),
                 ("小学标识码,对口初中标识码\n" + f"{self.primary},{self.middle}\n" * 3).encode()]
        for content in files:
            r = self.admin.upload("/imports/catchment", "划片.csv", content)
            self.assertIn(r.status, (200, 400, 413, 422), (content[:40], r))
            if r.status == 200:
                imp = r.json()["import"]
                self.assertTrue(imp["problems"] or imp["missing_columns"], (content[:40], imp))
                c = self.admin.post(f"/imports/{imp['id']}/commit")
                self.assertNotEqual(c.status, 200, c)
        self.assertEqual(catchments(), before)

    def test_lists_refuse_teachers_and_bad_years(self):
        self.assertEqual(Session("teacher").get("/transition").status, 403)
        self.assertEqual(Session().get("/transition").status, 401)
        self.assertEqual(Session().get("/catchments").status, 401)
        for year in ("abc", "2027.5", "-1", "0", "1999", "2101", str(2**63), "9" * 40, quote("二〇二七")):
            r = self.admin.get("/transition?year=" + year)
            self.assertIn(r.status, (400, 422), (year, r))
            self.assertIn("message", r.json())
        r = self.admin.get("/transition?year=2026")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["transition"]["year"], 2026)
