"""Misbehaving and TLS servers on 127.0.0.1 for the health tests: real sockets, real handshakes, no mocks.

- `https_server(cert)`: HTTPS with a given certificate (trustme-issued, self-signed or expired).
- `raw_server(behaviour)`: `hang` (accepts, never answers), `reset` (accepts, then resets the connection),
  `garbage` (answers bytes that are not HTTP).
- `http_server(handler)`: plain HTTP where a function decides every answer (redirect floods, soft 404s, ...).
"""

from __future__ import annotations

import socket
import ssl
import struct
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

PAGE = (b"<!DOCTYPE html><html lang='de'><head><meta charset='utf-8'><meta name='viewport' "
        b"content='width=device-width'><title>Laden</title></head><body><h1>Willkommen</h1></body></html>")

Answer = tuple[int, dict[str, str], bytes]


def self_signed_cert(host: str, tmp: Path, days_valid: int = 365) -> tuple[Path, Path]:
    """A self-signed certificate for `host` (issuer == subject), written as PEM files (cert, key)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host)])
    now = datetime.now(UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=days_valid))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(host)]), critical=False)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = tmp / f"{host}-self.pem", tmp / f"{host}-self.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class _PageHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    answer: Callable[[str, str], Answer] = staticmethod(lambda method, path: (200, {}, PAGE))

    def do_GET(self) -> None:
        self._reply(True)

    def do_HEAD(self) -> None:
        self._reply(False)

    def _reply(self, body_too: bool) -> None:
        status, headers, body = type(self).answer(self.command, self.path)
        self.send_response(status)
        headers = {"Content-Type": "text/html; charset=utf-8", **headers}
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body_too:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def http_server(answer: Callable[[str, str], Answer] | None = None, tls: ssl.SSLContext | None = None
                ) -> Iterator[int]:
    """Serve `answer(method, path) -> (status, headers, body)` on 127.0.0.1; yields the port."""
    handler = type("Handler", (_PageHandler,), {"answer": staticmethod(answer)} if answer else {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    if tls is not None:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def https_server(cert_path: Path, key_path: Path) -> Iterator[int]:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert_path, key_path)
    with http_server(tls=ctx) as port:
        yield port


@contextmanager
def raw_server(behaviour: str) -> Iterator[int]:
    """A TCP server that misbehaves: `hang`, `reset` or `garbage`."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(50)
    stop = threading.Event()
    held: list[socket.socket] = []

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            try:
                conn.settimeout(2)
                with suppress(OSError):
                    conn.recv(4096)
                if behaviour == "hang":
                    held.append(conn)  # never answer, never close: the client's timeout must end it
                    continue
                if behaviour == "reset":
                    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                elif behaviour == "garbage":
                    conn.sendall(b"\x00\xff\xfeNOT HTTP AT ALL\r\n\x13\x37" * 50)
                conn.close()
            except OSError:
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield int(listener.getsockname()[1])
    finally:
        stop.set()
        thread.join(timeout=2)
        for conn in held:
            conn.close()
        listener.close()
