"""Write rights and hostile input against a real server: another school's ids,
bureau-owned fields set by a school admin, NUL / control / 10,000-character
names, huge numbers, page overflow and LIKE wildcards. Every refusal leaves the
database as it was (read straight from the SQLite file)."""
import sqlite3
import urllib.parse

from client import DB, SecurityCase, Session

DERIVED = ("id", "id_number", "area_name", "student_count", "teacher_count", "class_count",
           "school_name", "class_name", "grade", "grade_label")


def row(table, record_id):
    with sqlite3.connect(DB) as db:
        db.row_factory = sqlite3.Row
        r = db.execute(f"SELECT * FROM {table} WHERE id = ?", (record_id,)).fetchone()
        return dict(r) if r else None


def body_of(record, keep_section=False):
    b = {k: v for k, v in record.items() if k not in DERIVED}
    if not keep_section:
        b.pop("section", None)
    return b


class WriteRightsTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")
        cls.sa = Session("school_admin")
        cls.own_school = cls.sa.user["school_id"]
        schools = cls.admin.get("/schools?size=200").json()["items"]
        cls.other_school = next(s for s in schools if s["id"] != cls.own_school)
        cls.own_student = cls.sa.get("/students?size=1&status=%E5%9C%A8%E8%AF%BB").json()["items"][0]
        cls.other_student = cls.admin.get(
            f"/students?size=1&school_id={cls.other_school['id']}").json()["items"][0]
        cls.own_teacher = cls.sa.get("/teachers?size=1").json()["items"][0]

    def school_body(self):
        return body_of(self.sa.get(f"/schools/{self.own_school}").json()["school"])

    def assert_refused(self, r, status, field=None):
        self.assertEqual(r.status, status, r)
        if field:
            self.assertEqual(r.json().get("field"), field, r)

    def test_school_admin_cannot_set_bureau_fields_of_their_school(self):
        before = row("schools", self.own_school)
        for field, value in [("area_id", self.other_school["area_id"]), ("code", "2143050001"),
                             ("kind", "教学点"), ("ownership", "民办"), ("location", "镇区"),
                             ("parent_school_id", self.other_school["id"]), ("name", "被改名的学校"),
                             ("founded_year", 1801), ("weak", True)]:
            body = self.school_body()
            if body.get(field) == value:
                continue
            body[field] = value
            self.assert_refused(self.sa.put(f"/schools/{self.own_school}", body), 403, field)
        self.assertEqual(row("schools", self.own_school), before)
        body = self.school_body()
        body["phone"] = "0739-7654321"
        self.assertEqual(self.sa.put(f"/schools/{self.own_school}", body).status, 200)
        self.assertEqual(row("schools", self.own_school)["phone"], "0739-7654321")

    def test_another_schools_ids(self):
        other = self.other_school["id"]
        self.assert_refused(self.sa.put(f"/schools/{other}", body_of(self.other_school)), 404)
        student = self.other_student
        self.assert_refused(self.sa.put(f"/students/{student['id']}", body_of(student)), 404)
        before = row("students", self.own_student["id"])
        body = body_of(self.own_student)
        body.update(school_id=other, class_id=None)
        self.assert_refused(self.sa.put(f"/students/{self.own_student['id']}", body), 403, "school_id")
        self.assertEqual(row("students", self.own_student["id"]), before)

    def test_teacher_staffing_and_backbone_are_the_bureaus(self):
        t = self.own_teacher
        before = row("teachers", t["id"])
        for field, value in [("on_staff", not t["on_staff"]),
                             ("backbone", "国家级" if t["backbone"] != "国家级" else "县级"),
                             ("school_id", self.other_school["id"])]:
            body = body_of(t, keep_section=True)
            body[field] = value
            self.assert_refused(self.sa.put(f"/teachers/{t['id']}", body), 403, field)
        self.assertEqual(row("teachers", t["id"]), before)

    def test_duplicate_id_number_names_nothing_out_of_scope(self):
        full = self.admin.get(f"/students/{self.other_student['id']}/id-number").json()["id_number"]
        body = body_of(self.own_student)
        body.update(id_number=full, birth_date=self.other_student["birth_date"],
                    gender=self.other_student["gender"], class_id=None)
        r = self.sa.post("/students", body)
        self.assert_refused(r, 409, "id_number")
        message = r.json()["message"]
        for secret in (self.other_student["name"], self.other_student["school_name"], "学籍状态"):
            self.assertNotIn(secret, message)

    def test_hostile_names(self):
        before = row("students", self.own_student["id"])
        for name in ["张\u0000三", "张三\u0000", "\u001b[2J张三", "张\n三", "\u0085张三", " \t\u3000 ",
                     "张" * 51, "a" * 10000]:
            body = body_of(self.own_student)
            body["name"] = name
            self.assert_refused(self.sa.put(f"/students/{self.own_student['id']}", body), 422, "name")
        self.assertEqual(row("students", self.own_student["id"]), before)
        # Bytes that are not UTF-8 never reach the record: the JSON is refused.
        r = self.sa.request("PUT", f"/students/{self.own_student['id']}",
                            raw_body=b'{"name": "\xff\xfe"}', headers={"Content-Type": "application/json"})
        self.assert_refused(r, 400)
        self.assertEqual(row("students", self.own_student["id"]), before)

    def test_huge_numbers(self):
        school = self.own_school
        for change, field in [({"teaching_area": 1e308}, "teaching_area"),
                              ({"sports_area": 1e7}, "sports_area"),
                              ({"equipment_value": 1e300}, "equipment_value"),
                              ({"multimedia_rooms": 1e9}, "multimedia_rooms")]:
            r = self.admin.post("/analytics/whatif",
                                {"changes": [dict(type="add_conditions", school_id=school, **change)]})
            self.assert_refused(r, 422, field)
        move = {"type": "move_teachers", "from_school_id": school, "to_school_id": self.other_school["id"],
                "section": "小学", "count": 2 ** 32 + 1}
        self.assert_refused(self.admin.post("/analytics/whatif", {"changes": [move]}), 422, "count")
        raw = b'{"changes": [{"type": "add_conditions", "school_id": 1, "teaching_area": 1e999}]}'
        r = self.admin.request("POST", "/analytics/whatif", raw_body=raw,
                               headers={"Content-Type": "application/json"})
        self.assertIn(r.status, (400, 422), r)

    def test_page_overflow(self):
        for page in ["9223372036854775807", "9223372036854775808", "1000001", "0", "-9223372036854775808"]:
            for path in ["/students", "/teachers", "/schools", "/audit"]:
                self.assert_refused(self.admin.get(f"{path}?page={page}"), 400, "page")

    def test_like_wildcards_match_themselves(self):
        for q in ["%", "_", "%%", "\\"]:
            r = self.admin.get("/schools?q=" + urllib.parse.quote(q))
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.json()["total"], 0, q)

    def test_id_number_search_needs_the_right_to_see_full_numbers(self):
        for role in ["officer", "inspector", "teacher"]:
            who = Session(role)
            for path in ["/students?q=43", "/teachers?q=4", "/students?q=%E5%BC%A01"]:
                self.assert_refused(who.get(path), 403, "q")


if __name__ == "__main__":
    import unittest
    unittest.main()
