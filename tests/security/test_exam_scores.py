"""Score sheets against a real server: a school admin's sheet cannot overwrite
another school's student (issue 8.2), and its preview says nothing about a
student outside the school (issue 8.7)."""
import json
import unittest
from urllib.parse import quote

from client import SecurityCase, Session


def foreign_student(admin, own_school):
    """A 在读 student of another school than `own_school`, with their ID number and school code."""
    students = admin.get("/students?size=200&status=" + quote("在读")).json()["items"]
    s = next(s for s in students if s["school_id"] != own_school and s["class_id"])
    s["id_number"] = admin.get(f"/students/{s['id']}/id-number").json()["id_number"]
    s["school_code"] = admin.get(f"/schools/{s['school_id']}").json()["school"]["code"]
    return s


class ExamScoresTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")
        cls.school = Session("school_admin")
        cls.student = foreign_student(cls.admin, cls.school.user["school_id"])
        s = cls.student
        r = cls.admin.post("/exams", {"name": "安全测试考试", "date": "2026-12-24", "grade": s["grade"],
                                      "absent_policy": "exclude",
                                      "subjects": [{"name": "数学", "full_marks": 100}]})
        assert r.status == 201, r
        cls.exam = r.json()["exam"]["id"]
        sheet = f"学校标识码,身份证号,姓名,数学\n{s['school_code']},{s['id_number']},{s['name']},75\n"
        r = cls.admin.upload(f"/exams/{cls.exam}/scores/commit", "bureau.csv", sheet.encode())
        assert r.status == 201, r

    def score_as_bureau_sees_it(self):
        r = self.admin.get(f"/exams/{self.exam}/students/{self.student['id']}")
        self.assertEqual(r.status, 200, r)
        return r.json()["subjects"][0]["score"]

    def test_school_admin_cannot_overwrite_another_schools_score(self):
        s = self.student
        for sheet in (f"身份证号,姓名,数学\n{s['id_number']},{s['name']},0\n",
                      f"学籍号,姓名,数学\nG{s['id_number']},{s['name']},0\n"):
            self.school.upload(f"/exams/{self.exam}/scores/commit", "attack.csv", sheet.encode())
            self.assertEqual(self.score_as_bureau_sees_it(), 75.0, sheet)
        school_row = self.admin.get(f"/exams/{self.exam}/results?level=school").json()["groups"]
        theirs = next(g for g in school_row if g["id"] == s["school_id"])
        self.assertEqual(theirs["columns"][0]["mean"], 75.0)

    def test_preview_discloses_nothing_outside_the_school(self):
        s = self.student
        school_name = self.admin.get(f"/schools/{s['school_id']}").json()["school"]["name"]
        for sheet in (f"身份证号,姓名,数学\n{s['id_number']},某某,60\n",
                      f"学籍号,姓名,数学\nG{s['id_number']},某某,60\n"):
            r = self.school.upload(f"/exams/{self.exam}/scores/preview", "probe.csv", sheet.encode())
            self.assertEqual(r.status, 200, r)
            body = r.json()
            for o in body["outsiders"]:
                self.assertIsNone(o.get("registered_school_id"), o)
            self.assertEqual(body["problems"], [], body["problems"])
            said = json.dumps([body["outsiders"], body["duplicates"], body["problems"]], ensure_ascii=False)
            self.assertEqual(body["duplicates"], [])
            for secret in (s["name"], school_name):
                self.assertNotIn(secret, said)


    def test_result_pieces_refuse_bad_parameters_and_keep_scope(self):
        base = f"/exams/{self.exam}/results?level=class"
        for bad in ("&column=99999999999999999999", "&column=-1", "&column=%00", "&page=0",
                    "&page=" + "9" * 40, "&size=100000", "&school_id=1e9", "&township_id=" + "x" * 5000):
            self.assertEqual(self.school.get(base + bad).status, 400, bad)
        # Another school's id as a filter shows the school admin nothing of it.
        other = self.student["school_id"]
        r = self.school.get(f"{base}&size=200&school_id={other}")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["groups"], [])
        self.assertEqual(r.json()["total"], 0)
        # A page far past the end is empty, not an error.
        r = self.admin.get(f"{base}&page=1000000&size=200")
        self.assertEqual((r.status, r.json()["groups"]), (200, []))

if __name__ == "__main__":
    unittest.main()
