"""What every security test shares: the server run.sh started, raw-socket requests
(for bytes no HTTP library will send), a logged-in session per demo role, and a
test base class that fails a test after which the server no longer answers."""
import http.client
import json
import os
import socket
import time
import unittest
import uuid

HOST = "127.0.0.1"
PORT = int(os.environ["EDU_BASE_PORT"])
SERVER_PID = int(os.environ["EDU_SERVER_PID"])
DB = os.environ["EDU_DB"]
BIN = os.environ["EDU_BIN"]
PASSWORD = "Demo@2026"
API = "/api/v1"


def raw(data: bytes, timeout: float = 10.0):
    """Sends `data` as it is on a new connection; returns (status, headers, body)
    of the reply, or (None, {}, b"") when the server closed without one."""
    with socket.create_connection((HOST, PORT), timeout=timeout) as s:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            chunks.append(chunk)
    reply = b"".join(chunks)
    if not reply:
        return None, {}, b""
    head, _, body = reply.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.decode("latin-1").strip().lower()] = value.decode("latin-1").strip()
    return status, headers, body


def get_raw_path(path: bytes):
    return raw(b"GET " + path + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")


def server_alive() -> bool:
    try:
        os.kill(SERVER_PID, 0)
    except OSError:
        return False
    try:
        conn = http.client.HTTPConnection(HOST, PORT, timeout=10)
        try:
            conn.request("GET", API + "/auth/me")
            return conn.getresponse().status == 401
        finally:
            conn.close()
    except OSError:
        return False


class Reply:
    def __init__(self, status, headers, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"Reply({self.status}, {self.body[:300]!r})"


class Session:
    """A logged-in demo user (or anonymous when username is None)."""

    def __init__(self, username=None, password=PASSWORD):
        self.cookie = ""
        self.csrf = ""
        if username:
            r = self.request("POST", "/auth/login", {"username": username, "password": password})
            if r.status != 200:
                raise AssertionError(f"login {username}: {r}")
            self.csrf = r.json()["csrf_token"]
            self.cookie = r.headers["set-cookie"].split(";")[0]
            self.user = r.json()["user"]

    def request(self, method, path, body=None, headers=None, raw_body: bytes = None):
        conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
        h = {"Cookie": self.cookie, "X-CSRF-Token": self.csrf}
        data = raw_body
        if body is not None:
            data = json.dumps(body, ensure_ascii=False).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        conn.request(method, API + path, body=data, headers=h)
        r = conn.getresponse()
        reply = Reply(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        conn.close()
        return reply

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body=None, **kw):
        return self.request("POST", path, body if body is not None else {}, **kw)

    def put(self, path, body, **kw):
        return self.request("PUT", path, body, **kw)

    def upload(self, path, filename: str, content: bytes, field="file"):
        boundary = uuid.uuid4().hex
        data = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; "
                f"filename=\"{filename}\"\r\nContent-Type: application/octet-stream\r\n\r\n").encode()
        data += content + f"\r\n--{boundary}--\r\n".encode()
        return self.request("POST", path, raw_body=data,
                            headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})


class SecurityCase(unittest.TestCase):
    """Fails any test after which the server is gone or no longer answers."""

    def tearDown(self):
        deadline = time.time() + 20
        while not server_alive():
            if time.time() > deadline:
                self.fail("服务器在此用例之后不再应答(进程退出或无响应)")
            time.sleep(0.5)
