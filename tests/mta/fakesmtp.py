#!/usr/bin/env python3
"""A scripted SMTP server: the receiving side of the MTA scenarios.

It answers every command of a session with the reply a scenario prescribes
(single- or multi-line) and 250 otherwise.  Which reply comes from where:

- on the scenario port of a session-level scenario (stage greet, helo, mail,
  silent), every connection gets that scenario's reply at that stage;
- on the shared port, a RCPT TO:<ID@...> whose local part ID names a
  scenario of stage rcpt gets its reply; one of stage data gets its reply
  after the end of DATA (the message is then sent to that one recipient);
- the sink port accepts everything and stores each message in a directory:
  that is where the MTA's bounces arrive.

Standard library only, so that it runs anywhere the MTAs do.
"""
import os
import socket
import socketserver
import threading
import time

import scenarios


def reply_lines(text):
    """The wire form of a reply: its lines, the last one with a space."""
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        code, rest = line[:3], line[4:] if len(line) > 3 else ""
        sep = " " if i == len(lines) - 1 else "-"
        out.append(f"{code}{sep}{rest}\r\n")
    return "".join(out).encode()


class Session(socketserver.StreamRequestHandler):
    timeout = 120

    def send(self, text):
        self.wfile.write(reply_lines(text))
        self.wfile.flush()

    def handle(self):
        port = self.server.server_address[1]
        fixed = self.server.fixed  # a session-level scenario or None
        if fixed is not None and fixed["stage"] == "silent":
            # Never greet: the client times out waiting for the banner.
            time.sleep(self.server.silence)
            return
        if fixed is not None and fixed["stage"] == "greet":
            self.send(fixed["reply"])
            if not fixed["reply"].startswith("2"):
                # RFC 5321 3.1: after a 554 greeting the server waits for QUIT.
                self.rfile.readline()
                self.send("221 2.0.0 Bye")
                return
        else:
            self.send("220 mx.example.net ESMTP scripted")
        rcpts = []
        while True:
            raw = self.rfile.readline()
            if not raw:
                return
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            verb = line.split(" ", 1)[0].split(":", 1)[0].upper()
            if verb in ("HELO", "EHLO"):
                if fixed is not None and fixed["stage"] == "helo":
                    self.send(fixed["reply"])
                elif verb == "EHLO":
                    self.send("250-mx.example.net\n250-PIPELINING\n250-SIZE 10240000\n250 8BITMIME")
                else:
                    self.send("250 mx.example.net")
            elif verb == "MAIL":
                rcpts = []
                if fixed is not None and fixed["stage"] == "mail":
                    self.send(fixed["reply"])
                else:
                    self.send("250 2.1.0 Ok")
            elif verb == "RCPT":
                addr = line.split(":", 1)[1].strip().split(">")[0].lstrip("<")
                local = addr.split("@")[0].lower()
                sc = scenarios.BY_ID.get(local)
                if sc is not None and sc["stage"] == "rcpt":
                    self.send(sc["reply"].replace("ADDR", addr))
                    if sc["reply"].startswith("421"):
                        # RFC 5321 3.8: 421 closes the transmission channel.
                        return
                else:
                    rcpts.append(addr)
                    self.send("250 2.1.5 Ok")
            elif verb == "DATA":
                if not rcpts:
                    self.send("554 5.5.1 Error: no valid recipients")
                    continue
                self.send("354 End data with <CR><LF>.<CR><LF>")
                body = []
                while True:
                    raw = self.rfile.readline()
                    if not raw or raw in (b".\r\n", b".\n"):
                        break
                    body.append(raw[1:] if raw.startswith(b"..") else raw)
                data_sc = [scenarios.BY_ID.get(a.split("@")[0].lower()) for a in rcpts]
                data_sc = [s for s in data_sc if s is not None and s["stage"] == "data"]
                if data_sc:
                    self.send(data_sc[0]["reply"].replace("ADDR", rcpts[0]))
                else:
                    self.store(b"".join(body))
                    self.send("250 2.0.0 Ok: queued")
            elif verb == "QUIT":
                self.send("221 2.0.0 Bye")
                return
            elif verb == "RSET":
                rcpts = []
                self.send("250 2.0.0 Ok")
            else:
                self.send("250 2.0.0 Ok")

    def store(self, data):
        sink = self.server.sink
        if sink is None:
            return
        with self.server.lock:
            self.server.count += 1
            name = os.path.join(sink, "%04d.eml" % self.server.count)
        data = data.replace(b"\r\n", b"\n")
        with open(name, "wb") as f:
            f.write(data)


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def start(host, port, fixed=None, sink=None, silence=30):
    srv = Server((host, port), Session)
    srv.fixed = fixed
    srv.sink = sink
    srv.silence = silence
    srv.lock = threading.Lock()
    srv.count = 0
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port
