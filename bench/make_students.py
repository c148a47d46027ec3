"""Writes N new, valid student rows for the demo county as CSV (UTF-8), in the
headers of the 学生 import template: spread over the county's current classes,
birth dates fitting each class's grade, ID numbers with a correct GB 11643
check digit (area codes 110101.., never used by the demo generator).
Usage: make_students.py DEMO_DB N OUT.csv"""
import csv, sqlite3, sys

W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def id_number(body):
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, W)) % 11]


db_path, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
db = sqlite3.connect(db_path)
year = int(db.execute("SELECT value FROM settings WHERE key = 'school_year'").fetchone()[0])
classes = db.execute(
    "SELECT s.code, c.name, c.grade FROM classes c JOIN schools s ON s.id = c.school_id "
    "WHERE c.school_year = ? AND c.section IN ('小学', '初中', '高中') ORDER BY c.id", (year,)).fetchall()
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高"
given = "子涵欣怡梓轩浩宇若汐一诺宇轩思彤雨桐俊杰佳怡明华丽文"
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["姓名", "性别", "身份证号", "出生日期", "民族", "学校标识码", "班级", "学籍状态",
                "入学日期", "户口性质", "留守儿童", "随班就读"])
    for i in range(n):
        code, cls, grade = classes[i % len(classes)]
        birth_year = year - (grade + 5) - 1
        month, day = 1 + i % 12, 1 + (i // 12) % 28
        seq = (i // 336) % 500 * 2 + i % 2  # odd = male
        area = 110101 + i // (336 * 500)
        birth = f"{birth_year:04d}{month:02d}{day:02d}"
        w.writerow([surnames[i % 20] + given[i % len(given)] + given[(i // len(given)) % len(given)], "男" if seq % 2 else "女",
                    id_number(f"{area}{birth}{seq:03d}"), f"{birth_year:04d}-{month:02d}-{day:02d}", "汉族",
                    code, cls, "在读", f"{year - 1}-09-01", "农村", "否", "否"])
