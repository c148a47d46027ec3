"""区/县 and 学区 (a city's levels) attacked on the demo county: the balance
endpoints' county_id with hostile values (a county deployment takes none: 422;
never a 500), /analytics/balance/counties for every role, and area imports with
区/县 rows, 学区 under no township, bad levels and invalid UTF-8 — refused
row by row, nothing written (read straight from the SQLite file)."""
import sqlite3
from urllib.parse import quote

from client import DB, SecurityCase, Session


def areas():
    with sqlite3.connect(DB) as db:
        return db.execute("SELECT COUNT(*) FROM areas").fetchone()[0]


class AreaLevelsTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")
        with sqlite3.connect(DB) as db:
            cls.county_id, cls.county = db.execute(
                "SELECT id, code FROM areas WHERE parent_id IS NULL").fetchone()
            cls.township_id, cls.township = db.execute(
                "SELECT id, code FROM areas WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1").fetchone()

    def test_county_id_is_refused_in_a_county(self):
        values = [str(self.county_id), str(self.township_id), "0", "-1", "abc", str(2**63), "9" * 40,
                  quote("一"), "1%00", "%ff%fe", quote("1;DROP TABLE areas")]
        for role in ("admin", "officer", "school_admin", "teacher", "inspector"):
            s = self.admin if role == "admin" else Session(role)
            for v in values:
                for path in ("/analytics/balance?county_id=", "/analytics/balance/history?county_id=",
                             "/exports/balance.xlsx?county_id=", "/analytics/balance/counties?county_id="):
                    r = s.get(path + v)
                    self.assertIn(r.status, (200, 400, 422), (role, path, v, r))
                    if v not in ("0",) and path != "/analytics/balance/counties?county_id=":
                        self.assertNotEqual(r.status, 200, (role, path, v, r))
        r = self.admin.post("/analytics/plan", {"county_id": self.county_id, "section": "小学"})
        self.assertEqual(r.status, 422, r)
        for bad in ("1", 1.5, [1], {"a": 1}):
            r = self.admin.post("/analytics/whatif", {"county_id": bad, "changes": []})
            self.assertIn(r.status, (400, 422), (bad, r))

    def test_the_county_table_is_empty_in_a_county(self):
        for role in ("admin", "officer", "school_admin", "teacher", "inspector"):
            s = self.admin if role == "admin" else Session(role)
            r = s.get("/analytics/balance/counties?section=" + quote("初中"))
            self.assertEqual(r.status, 200, (role, r))
            self.assertEqual(r.json()["counties"], [], role)
        self.assertEqual(Session().get("/analytics/balance/counties").status, 401)

    def test_bad_area_rows_write_nothing(self):
        before = areas()
        files = [
            f"行政区划代码,名称\n430522,邻县\n".encode(),                        # a 区/县 in a county
            f"行政区划代码,名称\n{self.county},本县\n".encode(),                  # the county itself
            f"行政区划代码,名称\n{self.county}99901,孤学区\n".encode(),           # 学区 of no township
            f"行政区划代码,名称,级别\n{self.township}01,学区甲,市\n".encode(),     # a level that is not one
            f"行政区划代码,名称,级别\n{self.township}01,学区甲,乡镇\n".encode(),   # a level against the code
            f"行政区划代码,名称\n{self.township}01,".encode() + b"\xff\xfe\x80\n",  # invalid UTF-8
            f"行政区划代码,名称\n{self.township}0,七位\n".encode(),
            ("行政区划代码,名称\n" + f"{self.township}01,同名学区\n{self.township}02,同名学区\n").encode(),
        ]
        for content in files:
            r = self.admin.upload("/imports/area", "区划.csv", content)
            self.assertIn(r.status, (200, 400, 422), (content[:60], r))
            if r.status == 200:
                imp = r.json()["import"]
                self.assertTrue(imp["problems"] or imp["missing_columns"], (content[:60], imp))
                c = self.admin.post(f"/imports/{imp['id']}/commit")
                self.assertNotEqual(c.status, 200, c)
        for role in ("officer", "school_admin", "teacher", "inspector"):
            r = Session(role).upload("/imports/area", "区划.csv", f"行政区划代码,名称\n{self.township}01,学区乙\n".encode())
            self.assertEqual(r.status, 403, (role, r))
        self.assertEqual(areas(), before)
