"""Bytes no browser sends — invalid UTF-8 in the path, the query, headers, cookies,
multipart names and JSON; ids beyond int64 — must each get a JSON answer with a code
and no internal text (no exception names, no what()), and never end the server."""
import json
import uuid

from client import API, SecurityCase, Session, get_raw_path, raw

INTERNAL_WORDS = [b"type_error", b"stoll", b"what()", b"exception", b"std::", b"nlohmann",
                  "服务器内部错误:".encode()]


class ServerSurvivesTest(SecurityCase):
    @classmethod
    def setUpClass(cls):
        cls.admin = Session("admin")

    def assertJsonAnswer(self, status, body, expected_status=None, what=""):
        self.assertIsNotNone(status, f"{what}: no reply")
        if expected_status is not None:
            self.assertEqual(status, expected_status, f"{what}: {body[:300]!r}")
        body_json = json.loads(body.decode("utf-8"))  # valid UTF-8 and JSON
        if status >= 400:
            self.assertIn("code", body_json, what)
        for word in INTERNAL_WORDS:
            self.assertNotIn(word, body, what)
        return body_json

    def admin_raw(self, request_line: bytes, headers: bytes = b"", body: bytes = b"", csrf=True):
        head = (request_line + b"\r\nHost: x\r\nConnection: close\r\nCookie: " +
                self.admin.cookie.encode() + b"\r\n" + headers)
        if csrf:
            head += b"X-CSRF-Token: " + self.admin.csrf.encode() + b"\r\n"
        if body:
            head += b"Content-Length: " + str(len(body)).encode() + b"\r\n"
        return raw(head + b"\r\n" + body)

    def test_invalid_utf8_in_the_path(self):
        for path in [b"/%ff", b"/assets/%ff", b"/api/v1/exports/%ff", b"/templates/%c3%28",
                     b"/api/v1/%ff%fe", b"/api/v1/schools/%ff", b"/%c3", b"/\xff", b"/api/v1/\xfe\xff"]:
            status, _, body = get_raw_path(path)
            self.assertJsonAnswer(status, body, 404, repr(path))

    def test_invalid_utf8_in_the_path_of_a_post(self):
        status, _, body = raw(b"POST /api/v1/%ff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                              b"Content-Length: 2\r\n\r\n{}")
        self.assertJsonAnswer(status, body, 404, "POST /%ff")

    def test_invalid_utf8_in_query_names_and_values(self):
        for query in [b"page=%ff", b"%ff=1", b"size=%c3%28", b"q=%ff%fe&school_id=%ff", b"\xff=\xff"]:
            status, _, body = self.admin_raw(b"GET /api/v1/students?" + query + b" HTTP/1.1")
            self.assertJsonAnswer(status, body, what=repr(query))
            self.assertLess(status, 500, repr(query))

    def test_invalid_utf8_in_headers_and_cookie(self):
        for header in [b"User-Agent: \xff\xfe\r\n", b"X-Forwarded-For: \xff\r\n",
                       b"Accept-Language: \xc3\x28\r\n", b"Content-Type: application/\xff\r\n"]:
            status, _, body = self.admin_raw(b"GET /api/v1/auth/me HTTP/1.1", header)
            self.assertJsonAnswer(status, body, 200, repr(header))
        status, _, body = raw(b"GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                              b"Cookie: eb_session=\xff\xfe; \xff=\xff\r\n\r\n")
        self.assertJsonAnswer(status, body, 401, "cookie")
        status, _, body = self.admin_raw(b"POST /api/v1/schools HTTP/1.1",
                                         b"X-CSRF-Token: \xff\r\nContent-Type: application/json\r\n",
                                         b"{}", csrf=False)
        self.assertJsonAnswer(status, body, 403, "csrf token")

    def test_invalid_utf8_in_multipart_names_and_filenames(self):
        for field, filename in [(b"file", b"\xff\xfe.xlsx"), (b"\xff", b"a.xlsx"),
                                (b"file", b"\xc3\x28.csv"), (b"\xff", b"\xff")]:
            boundary = uuid.uuid4().hex.encode()
            body = (b"--" + boundary + b"\r\nContent-Disposition: form-data; name=\"" + field +
                    b"\"; filename=\"" + filename + b"\"\r\nContent-Type: application/octet-stream"
                    b"\r\n\r\n\xff\xfe,\xff\r\n--" + boundary + b"--\r\n")
            status, _, reply = self.admin_raw(
                b"POST /api/v1/imports/student HTTP/1.1",
                b"Content-Type: multipart/form-data; boundary=" + boundary + b"\r\n", body)
            self.assertJsonAnswer(status, reply, what=repr((field, filename)))
            self.assertLess(status, 500, repr((field, filename)))

    def test_invalid_utf8_in_json_keys_and_values(self):
        for body in [b'{"\xff": 1}', b'{"name": "\xff\xfe"}', b'{"name": "\\udc80"}',
                     b'{"\xc3\x28": "\xc3\x28"}', b'\xff']:
            for line in [b"POST /api/v1/schools HTTP/1.1", b"POST /api/v1/analytics/whatif HTTP/1.1",
                         b"POST /api/v1/auth/login HTTP/1.1"]:
                status, _, reply = self.admin_raw(line, b"Content-Type: application/json\r\n", body)
                self.assertJsonAnswer(status, reply, what=repr((line, body)))
                self.assertLess(status, 500, repr((line, body)))

    def test_path_ids_beyond_int64_are_not_found(self):
        for path in ["/schools/99999999999999999999", "/students/99999999999999999999",
                     "/teachers/99999999999999999999/audit", "/imports/18446744073709551616",
                     "/schools/9223372036854775808", "/exams/99999999999999999999"]:
            r = self.admin.get(path)
            self.assertJsonAnswer(r.status, r.body, 404, path)

    def test_answers_carry_no_internal_text(self):
        r = self.admin.put("/schools/99999999999999999999", {"name": "x"})
        self.assertJsonAnswer(r.status, r.body, 404, "PUT beyond int64")


if __name__ == "__main__":
    import unittest
    unittest.main()
