-- The peer of `edubureau year rollover --to 2027 --commit`: the same moves as
-- plain SQL in the sqlite3 shell, in one transaction (bench/run_rollover.sh).
-- Its indexes are created before the clock starts (see the script); it checks the
-- foreign keys as the server's connections do.
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE final (section TEXT, grade INTEGER, PRIMARY KEY (section, grade));
INSERT INTO final VALUES ('学前', 0), ('小学', 6), ('初中', 9), ('特教', 9), ('高中', 12), ('中职', 12);
CREATE TEMP TABLE labels (section TEXT, grade INTEGER, label TEXT, PRIMARY KEY (section, grade));
INSERT INTO labels VALUES ('学前', -2, '小班'), ('学前', -1, '中班'), ('学前', 0, '大班'),
  ('小学', 1, '一年级'), ('小学', 2, '二年级'), ('小学', 3, '三年级'), ('小学', 4, '四年级'),
  ('小学', 5, '五年级'), ('小学', 6, '六年级'), ('初中', 7, '七年级'), ('初中', 8, '八年级'),
  ('初中', 9, '九年级'), ('特教', 1, '一年级'), ('特教', 2, '二年级'), ('特教', 3, '三年级'),
  ('特教', 4, '四年级'), ('特教', 5, '五年级'), ('特教', 6, '六年级'), ('特教', 7, '七年级'),
  ('特教', 8, '八年级'), ('特教', 9, '九年级'), ('高中', 10, '高一'), ('高中', 11, '高二'),
  ('高中', 12, '高三'), ('中职', 10, '一年级'), ('中职', 11, '二年级'), ('中职', 12, '三年级');
-- the successor of every class not in a final grade, and a same-grade class for 休学 students
INSERT INTO classes (school_id, school_year, section, grade, class_no, name, head_teacher_id)
  SELECT c.school_id, 2027, c.section, c.grade + 1, c.class_no,
         l.label || '(' || c.class_no || ')班', c.head_teacher_id
  FROM classes c JOIN labels l ON l.section = c.section AND l.grade = c.grade + 1
  WHERE c.school_year = 2026;
INSERT OR IGNORE INTO classes (school_id, school_year, section, grade, class_no, name)
  SELECT DISTINCT c.school_id, 2027, c.section, c.grade, c.class_no, c.name
  FROM students s JOIN classes c ON c.id = s.class_id
  WHERE s.status = '休学' AND c.school_year = 2026;
CREATE TEMP TABLE moves (student_id INTEGER PRIMARY KEY, school_id, class_id, grade, status);
INSERT INTO moves
  SELECT s.id, s.school_id, n.id, n.grade, s.status
  FROM students s JOIN classes o ON o.id = s.class_id
  JOIN classes n ON n.school_id = o.school_id AND n.school_year = 2027 AND n.section = o.section
                AND n.grade = o.grade + (s.status = '在读') AND n.class_no = o.class_no
  WHERE s.status IN ('在读', '休学') AND o.school_year = 2026;
UPDATE students SET class_id = (SELECT class_id FROM moves m WHERE m.student_id = students.id)
  WHERE id IN (SELECT student_id FROM moves);
INSERT INTO enrolments (student_id, school_year, school_id, class_id, grade, status)
  SELECT student_id, 2027, school_id, class_id, grade, status FROM moves;
CREATE TEMP TABLE graduates (student_id INTEGER PRIMARY KEY);
INSERT INTO graduates
  SELECT s.id FROM students s JOIN classes c ON c.id = s.class_id
  JOIN final f ON f.section = c.section AND f.grade = c.grade
  WHERE s.status = '在读' AND c.school_year = 2026;
UPDATE students SET status = '毕业' WHERE id IN (SELECT student_id FROM graduates);
UPDATE enrolments SET status = '毕业'
  WHERE school_year = 2026 AND student_id IN (SELECT student_id FROM graduates);
-- graduates and leavers keep the closed year's class in their enrolment only
UPDATE students SET class_id = NULL WHERE status NOT IN ('在读', '休学')
  AND class_id IN (SELECT id FROM classes WHERE school_year = 2026);
-- the staff as they stand, for the closed year and the opened one
INSERT INTO teacher_years (teacher_id, school_year, school_id, section, post, education, title,
                           subject, backbone, on_staff)
  SELECT t.id, y.year, t.school_id, t.section, t.post, t.education, t.title, t.subject, t.backbone,
         t.on_staff
  FROM teachers t CROSS JOIN (SELECT 2026 AS year UNION ALL SELECT 2027) y WHERE true
  ON CONFLICT (teacher_id, school_year) DO UPDATE SET school_id = excluded.school_id,
    section = excluded.section, post = excluded.post, education = excluded.education,
    title = excluded.title, subject = excluded.subject, backbone = excluded.backbone,
    on_staff = excluded.on_staff;
COMMIT;
