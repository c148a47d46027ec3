"""Slow peers must not take the server from everyone else: sockets that trickle a
header line every 2 s (as many as --threads) are cut by the request deadline while
other clients are answered at once, and a burst of 64+ connections is answered
without SYNs dropped (the listen backlog)."""
import http.client
import socket
import subprocess
import threading
import time

from client import API, HOST, PORT, SecurityCase

THREADS = 8           # run.sh serves with --threads 8
GRACE = 10            # the request deadline's grace period (DeadlineStream)


def answered_within(seconds: float) -> bool:
    try:
        conn = http.client.HTTPConnection(HOST, PORT, timeout=seconds)
        conn.request("GET", API + "/auth/me")
        ok = conn.getresponse().status == 401
        conn.close()
        return ok
    except OSError:
        return False


class Trickler(threading.Thread):
    """Sends a request line, then one header line every 2 s, never the blank line;
    records when the server closed the connection."""

    def __init__(self, give_up: float):
        super().__init__(daemon=True)
        self.give_up = give_up
        self.closed_after = None
        self.sock = socket.create_connection((HOST, PORT), timeout=5)

    def run(self):
        start = time.time()
        try:
            self.sock.sendall(b"GET " + API.encode() + b"/auth/me HTTP/1.1\r\nHost: x\r\n")
            n = 0
            while time.time() - start < self.give_up:
                self.sock.settimeout(2)
                try:
                    if self.sock.recv(65536) == b"":
                        break  # the server closed (after its 400, if any)
                    continue   # an answer arrived; wait for the close
                except socket.timeout:
                    pass
                n += 1
                self.sock.sendall(f"X-Slow-{n}: {n}\r\n".encode())
            else:
                return
        except OSError:
            pass
        self.closed_after = time.time() - start

    def stop(self):
        try:
            self.sock.close()
        except OSError:
            pass


class SlowClientsTest(SecurityCase):
    def setUp(self):
        self.started = time.time()

    def test_tricklers_neither_block_others_nor_stay(self):
        give_up = GRACE + 12
        tricklers = [Trickler(give_up) for _ in range(THREADS)]
        try:
            for t in tricklers:
                t.start()
            for moment in (1, 4, 7):
                time.sleep(max(0, moment - (time.time() - self.started)))
                self.assertTrue(answered_within(2.5),
                                f"{THREADS} 个慢速连接占住服务器时,其他请求 2.5 秒内未得到应答 (t={moment}s)")
            for t in tricklers:
                t.join(give_up + 5)
            still_open = [t for t in tricklers if t.closed_after is None]
            self.assertFalse(still_open, f"{len(still_open)} 个慢速连接在 {give_up} 秒后仍未被关闭")
            for t in tricklers:
                self.assertGreater(t.closed_after, GRACE - 1)
        finally:
            for t in tricklers:
                t.stop()

    def test_a_burst_of_connections_is_answered(self):
        n = 96
        barrier = threading.Barrier(n)
        results = [None] * n

        def one(i):
            barrier.wait()
            try:
                conn = http.client.HTTPConnection(HOST, PORT, timeout=30)
                conn.request("GET", API + "/auth/me")
                results[i] = conn.getresponse().status
                conn.close()
            except OSError as e:
                results[i] = repr(e)

        workers = [threading.Thread(target=one, args=(i,)) for i in range(n)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(60)
        self.assertEqual(results, [401] * n)

    def test_listen_backlog_is_raised(self):
        # ss shows a listening socket's backlog as its Send-Q.
        out = subprocess.run(["ss", "-ltnH", f"sport = :{PORT}"], capture_output=True, text=True)
        if out.returncode != 0 or not out.stdout.strip():
            self.skipTest("ss unavailable")
        backlog = int(out.stdout.split()[2])
        self.assertGreaterEqual(backlog, 512, out.stdout)


if __name__ == "__main__":
    import unittest
    unittest.main()
