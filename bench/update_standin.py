#!/usr/bin/env python3
"""A stand-in for Ofsted's reports site, for bench/update.sh: serves
/authorities.csv (the shared reference table) and, for each authority, a
provider page /provider/44/<URN> linking the corpus PDFs named <URN>-*.pdf,
each at /v1/file/<file name>. With RELEASE_AFTER=YYYY-MM-DD in the
environment, files dated after it are held back until the file named by
RELEASE_FLAG exists, so a second run sees "new" publications.

  update_standin.py DATA_DIR PORT
"""
import html
import http.server
import os
import re
import sys
from pathlib import Path

data = Path(sys.argv[1])
port = int(sys.argv[2])
pdfs = data / "corpus" / "pdf"
hold_after = os.environ.get("RELEASE_AFTER", "")
release_flag = os.environ.get("RELEASE_FLAG", "")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def listed(urn):
    released = release_flag and os.path.exists(release_flag)
    for f in sorted(pdfs.glob(f"{urn}-*.pdf")):
        m = re.search(r"_(\d{4})-(\d{2})-(\d{2})\.pdf$", f.name)
        if not m:
            continue
        if hold_after and f"{m[1]}-{m[2]}-{m[3]}" > hold_after and not released:
            continue
        yield f.name, f"{int(m[3])} {MONTHS[int(m[2]) - 1]} {m[1]}"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, body, kind):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/authorities.csv":
            return self.send((data / "reference" / "authorities.csv").read_bytes(), "text/csv")
        m = re.fullmatch(r"/provider/44/(\d+)", self.path)
        if m:
            links = "".join(f'<li><a href="/v1/file/{html.escape(n)}">Children\'s services inspection - {d}</a></li>'
                            for n, d in listed(m[1]))
            return self.send(f"<html><body><ul>{links}</ul></body></html>".encode(), "text/html")
        m = re.fullmatch(r"/v1/file/([A-Za-z0-9_.-]+\.pdf)", self.path)
        if m and (pdfs / m[1]).is_file():
            return self.send((pdfs / m[1]).read_bytes(), "application/pdf")
        self.send_error(404)


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
