"""办理时限 and the county's rules (GET/PUT /settings/workflows) as the wrong
people and with bad input:
every role but the bureau admin is refused; bad bytes, wrong types, days out of
1–365, unknown or huge keys, broken and huge bodies are refused with a Chinese
reason (a rule's value out of bounds, of the wrong type, a school code not of
the county, a huge list); none of it writes a setting or an audit row (read straight from the
SQLite file). Also the student list's student_ids (统计指标's 年辍学率 link):
malformed or too many ids are a 400, another school's ids list nothing for a
school admin."""
import sqlite3

from client import DB, SecurityCase, Session

KEY = "case_deadline_days.transfer.待转入校确认"


def written():
    with sqlite3.connect(DB) as db:
        return [db.execute("SELECT COUNT(*), COALESCE(GROUP_CONCAT(key || '=' || value), '') FROM settings").fetchone(),
                db.execute("SELECT COUNT(*) FROM audit_log WHERE entity = 'setting'").fetchone()[0]]


class SettingsTest(SecurityCase):
    def test_only_the_bureau(self):
        before = written()
        for role in ("officer", "school_admin", "teacher", "inspector"):
            s = Session(role)
            self.assertEqual(s.get("/settings/workflows").status, 403, role)
            self.assertEqual(s.put("/settings/workflows", {"setting": KEY, "days": 30}).status, 403, role)
        self.assertEqual(Session().get("/settings/workflows").status, 401)
        self.assertEqual(written(), before)

    def test_bad_input_writes_nothing(self):
        before = written()
        admin = Session("admin")
        bodies = [
            {"setting": KEY, "days": 0}, {"setting": KEY, "days": 366}, {"setting": KEY, "days": -5},
            {"setting": KEY, "days": 2.5}, {"setting": KEY, "days": "10"}, {"setting": KEY, "days": 10 ** 30},
            {"setting": KEY}, {"setting": KEY, "on": True}, {"setting": "transfer_needs_bureau", "on": "0"},
            {"setting": "transfer_needs_bureau", "days": 3}, {"setting": "county_name", "days": 5},
            {"setting": "case_deadline_days.dropout.劝返中", "days": 5}, {"setting": "x" * 100000, "days": 5},
            {"setting": KEY + "\u0000", "days": 5}, {"setting": 7, "days": 5}, {"days": 5}, {},
        ]
        for body in bodies:
            r = admin.put("/settings/workflows", body)
            self.assertIn(r.status, (400, 404, 413, 422), (str(body)[:80], r))
            if r.status != 413:
                self.assertRegex(r.json()["message"], "[\u4e00-\u9fff]", str(body)[:80])
        for raw in (b"{", b"\xff\xfe", b"[]", b'{"setting": "' + b"a" * 3_000_000 + b'"}'):
            r = admin.request("PUT", "/settings/workflows", raw_body=raw, headers={"Content-Type": "application/json"})
            self.assertIn(r.status, (400, 413, 422), (raw[:20], r))
        self.assertEqual(written(), before)

    def test_bad_rule_values_write_nothing(self):
        before = written()
        admin = Session("admin")
        values = [0, 31, -1, 10 ** 30, 2.5, "6", True, None, {"a": 1}, [6], [["城区"]],
                  "城区\u0000", ["城区", None]]
        bodies = [{"setting": "exchange.min_years", "value": v} for v in values]
        bodies += [{"setting": "exchange.sending_locations", "value": v}
                   for v in ([], ["火星"], ["城区", "城区"], ["城区\u0000"], ["城区", ""], "城区", 5)]
        bodies += [{"setting": "exchange.quality_schools", "value": v}
                   for v in (["0000000000"], ["1' OR '1'='1"], [str(i) for i in range(5000)])]
        bodies += [{"setting": "exchange.min_years\u0000", "value": 6}, {"setting": "exchange.", "value": 6},
                   {"setting": "title_years_required.正高级", "value": 6}, {"setting": "training_cycle_start_year",
                                                                        "value": 1999}]
        for body in bodies:
            r = admin.put("/settings/workflows", body)
            self.assertIn(r.status, (400, 404, 413, 422), (str(body)[:80], r))
            if r.status != 413:
                self.assertRegex(r.json()["message"], "[\u4e00-\u9fff]", str(body)[:80])
        for role in ("officer", "school_admin", "teacher", "inspector"):
            r = Session(role).put("/settings/workflows", {"setting": "exchange.min_years", "value": 3})
            self.assertEqual(r.status, 403, role)
        self.assertEqual(written(), before)

    def test_student_ids_filter(self):
        admin = Session("admin")
        for bad in ("abc", "1,,2", "-3", "1;2", "%ff", "99999999999999999999", ",".join(["1"] * 2001)):
            r = admin.get("/students?school_year=2026&student_ids=" + bad)
            self.assertEqual(r.status, 400, (bad[:30], r))
        with sqlite3.connect(DB) as db:
            other = db.execute("SELECT id FROM students WHERE school_id <> (SELECT school_id FROM users "
                               "WHERE username = 'school_admin') ORDER BY id LIMIT 3").fetchall()
        ids = ",".join(str(i[0]) for i in other)
        r = Session("school_admin").get("/students?school_year=2026&student_ids=" + ids)
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.json()["total"], 0)
        self.assertEqual(admin.get("/students?student_ids=" + ids).json()["total"], 3)
