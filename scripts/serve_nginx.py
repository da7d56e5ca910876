"""Serve the built site with nginx on 127.0.0.1, using the repository's configuration, as
a normal user: everything nginx writes goes into a temporary folder.

    python -m scripts.serve_nginx [--port 8080] [SITE_DIR]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from scripts.errors import BuildError
from scripts.paths import ROOT

NGINX_DIR = Path(__file__).parent / "nginx"
# Debian's libnginx-mod-http-brotli-static; a system nginx loads it from modules-enabled.
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
ACCESS_LOG_FORMAT = "'$request_uri $status $bytes_sent'"


def nginx_binary() -> str:
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
    )
    if not found:
        raise BuildError(
            "nginx is missing; install Debian's nginx-light (apt-get install nginx-light)"
        )
    return found


def write_config(folder: Path, site_dir: Path, port: int) -> Path:
    """A complete nginx.conf in `folder` around the repository's server block."""
    server = (NGINX_DIR / "site.conf").read_text(encoding="utf-8")
    server = server.replace("@LISTEN@", f"127.0.0.1:{port}").replace(
        "@ROOT@", str(site_dir.resolve())
    )
    (folder / "site.conf").write_text(server, encoding="utf-8")
    for name in ("security-headers.conf", "csp.conf"):
        shutil.copy2(NGINX_DIR / name, folder / name)
    temp = {name: folder / name for name in ("client", "proxy", "fastcgi", "uwsgi", "scgi")}
    for path in temp.values():
        path.mkdir(exist_ok=True)
    config = folder / "nginx.conf"
    if not BROTLI_MODULE.is_file():
        raise BuildError(
            f"{BROTLI_MODULE} is missing; install Debian's libnginx-mod-http-brotli-static"
        )
    config.write_text(
        f"""load_module {BROTLI_MODULE};
worker_processes 1;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    log_format bench {ACCESS_LOG_FORMAT};
    access_log {folder}/access.log bench;
    client_body_temp_path {temp["client"]};
    proxy_temp_path {temp["proxy"]};
    fastcgi_temp_path {temp["fastcgi"]};
    uwsgi_temp_path {temp["uwsgi"]};
    scgi_temp_path {temp["scgi"]};
    sendfile on;
    include {folder}/site.conf;
}}
""",
        encoding="utf-8",
    )
    return config


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class NginxServer:
    def __init__(self, folder: Path, port: int) -> None:
        self.folder = folder
        self.port = port
        self.url = f"http://127.0.0.1:{port}/"

    @property
    def access_log(self) -> Path:
        return self.folder / "access.log"

    def bytes_sent(self, since: int = 0) -> tuple[int, int]:
        """Bytes nginx sent after log offset `since`, and the new offset."""
        data = self.access_log.read_bytes()
        total = sum(int(line.split()[-1]) for line in data[since:].decode().splitlines() if line)
        return total, len(data)


@contextmanager
def nginx(site_dir: Path, port: int | None = None) -> Iterator[NginxServer]:
    binary = nginx_binary()
    with tempfile.TemporaryDirectory(prefix="off-the-record-nginx-") as tmp:
        folder = Path(tmp)
        port = port or free_port()
        config = write_config(folder, site_dir, port)
        test = subprocess.run([binary, "-t", "-c", str(config)], capture_output=True, text=True)
        if test.returncode != 0:
            raise BuildError(f"nginx rejects the configuration:\n{test.stderr}")
        process = subprocess.Popen([binary, "-c", str(config)], stderr=subprocess.PIPE)
        try:
            _wait_until_listening(port, process)
            yield NginxServer(folder, port)
        finally:
            process.terminate()
            process.wait(timeout=10)


def _wait_until_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            stderr = process.stderr.read().decode() if process.stderr else ""
            raise BuildError(f"nginx exited at start-up: {stderr}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise BuildError(f"nginx did not start listening on 127.0.0.1:{port}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("site_dir", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args(argv)
    try:
        with nginx(args.site_dir, args.port) as server:
            print(f"Serving {args.site_dir} with nginx at {server.url} (Ctrl+C to stop)")
            while True:
                time.sleep(3600)
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
